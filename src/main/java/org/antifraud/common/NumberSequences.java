package org.antifraud.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free, never-reused numbers per named sequence (case numbers, document numbers). The
 * row lock taken by the increment is held until the caller's transaction ends, so
 * concurrent callers on PostgreSQL queue up instead of sharing a number. A number drawn
 * {@linkplain #nextAtCommit at commit} holds that lock only while the transaction
 * commits: busy sequences (a letter to every institution of every case) use it.
 */
@Component
public class NumberSequences {

	private final JdbcClient jdbc;

	private final TransactionTemplate savepoint;

	NumberSequences(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * The next number of the sequence, starting at 1. Must run inside the caller's
	 * transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long next(String name) {
		return draw(name, 1);
	}

	/**
	 * Draws the next number of the sequence just before the caller's transaction commits
	 * and hands it to {@code use}, still inside that transaction (which may write it).
	 * Until then the sequence is not locked, so transactions drawing from it run side by
	 * side and queue only for their commits. Within a transaction the numbers follow the
	 * order of the calls; sequences are drawn in name order, so two transactions drawing
	 * from the same sequences cannot deadlock. Numbers are drawn before the audit chain
	 * is appended, so {@code use} may still record audit entries.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void nextAtCommit(String name, LongConsumer use) {
		TransactionState.of(this, AtCommit::new).uses.computeIfAbsent(name, (key) -> new ArrayList<>()).add(use);
	}

	/** Takes {@code count} numbers of the sequence; answers the first. */
	private long draw(String name, int count) {
		for (int attempt = 0; attempt < 3; attempt++) {
			int updated = this.jdbc.sql("update number_sequence set next_value = next_value + ? where name = ?")
				.params(count, name)
				.update();
			if (updated == 1) {
				return this.jdbc.sql("select next_value - ? from number_sequence where name = ?")
					.params(count, name)
					.query(Long.class)
					.single();
			}
			try {
				// in a savepoint: on PostgreSQL a failed insert would otherwise abort the
				// caller's transaction
				this.savepoint.executeWithoutResult(
						(status) -> this.jdbc.sql("insert into number_sequence (name, next_value) values (?, ?)")
							.params(name, count + 1)
							.update());
				return 1;
			}
			catch (DuplicateKeyException ex) {
				// another transaction created the sequence first: take the next number
				// from it
			}
		}
		throw new IllegalStateException("Could not draw a number from sequence " + name);
	}

	/**
	 * The numbers a transaction draws as it commits. Ordered before the audit chain's
	 * append (the lowest precedence), which then takes its lock last.
	 */
	private final class AtCommit implements TransactionSynchronization {

		private final Map<String, List<LongConsumer>> uses = new TreeMap<>();

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE - 1;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.uses.forEach((name, consumers) -> {
				long number = draw(name, consumers.size());
				for (LongConsumer use : consumers) {
					use.accept(number++);
				}
			});
			this.uses.clear();
		}

	}

	/**
	 * The next number of {@code kind} for an agency this year (sequence
	 * {@code kind:agency:year}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long nextThisYear(String kind, String agencyCode) {
		return next(kind + ":" + agencyCode + ":" + Now.today().getYear());
	}

	/**
	 * A case number {@code AGENCY-YEAR-CODE-NNNNN}, for example
	 * {@code QD-JO-2026-RECT-00001}, from the agency's sequence of {@code kind} this
	 * year.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String caseNumber(String kind, String agencyCode, String code) {
		return String.format("%s-%d-%s-%05d", agencyCode, Now.today().getYear(), code, nextThisYear(kind, agencyCode));
	}

}
