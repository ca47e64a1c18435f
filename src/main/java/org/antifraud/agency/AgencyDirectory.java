package org.antifraud.agency;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.antifraud.agency.internal.AgencyRepository;

import org.springframework.stereotype.Service;

/**
 * Looks up agencies by code and type. Agencies are reference data, held in memory after
 * the first read and refreshed when seeds change them.
 */
@Service
public class AgencyDirectory {

	private final AgencyRepository repository;

	private volatile Map<String, Agency> byCode;

	AgencyDirectory(AgencyRepository repository) {
		this.repository = repository;
	}

	public Optional<Agency> find(String code) {
		return (code != null) ? Optional.ofNullable(all().get(code)) : Optional.empty();
	}

	/** The agency's name, or {@code null} when no agency has the code. */
	public String name(String code) {
		return find(code).map(Agency::name).orElse(null);
	}

	/** Agencies of the given types, by code; all agencies when no type is given. */
	public List<Agency> list(List<AgencyType> types) {
		return all().values()
			.stream()
			.filter((agency) -> types == null || types.isEmpty() || types.contains(agency.type()))
			.sorted(Comparator.comparing(Agency::type).thenComparing(Agency::code))
			.toList();
	}

	/**
	 * The nearest agency of the given type at or above {@code code}, following parents.
	 */
	public Optional<Agency> ancestor(String code, AgencyType type) {
		Optional<Agency> current = find(code);
		while (current.isPresent() && current.get().type() != type) {
			current = find(current.get().parentCode());
		}
		return current;
	}

	/** Forgets the cached agencies so the next read sees the database. */
	public void refresh() {
		this.byCode = null;
	}

	private Map<String, Agency> all() {
		Map<String, Agency> agencies = this.byCode;
		if (agencies == null) {
			agencies = this.repository.findAll()
				.stream()
				.collect(Collectors.toUnmodifiableMap(Agency::code, Function.identity()));
			this.byCode = agencies;
		}
		return agencies;
	}

}
