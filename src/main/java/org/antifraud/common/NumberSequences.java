package org.antifraud.common;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free, never-reused numbers per named sequence (case numbers, document numbers). The
 * row lock taken by the increment is held until the caller's transaction ends, so
 * concurrent callers on PostgreSQL queue up instead of sharing a number.
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
		for (int attempt = 0; attempt < 3; attempt++) {
			int updated = this.jdbc.sql("update number_sequence set next_value = next_value + 1 where name = ?")
				.param(name)
				.update();
			if (updated == 1) {
				return this.jdbc.sql("select next_value - 1 from number_sequence where name = ?")
					.param(name)
					.query(Long.class)
					.single();
			}
			try {
				// in a savepoint: on PostgreSQL a failed insert would otherwise abort the
				// caller's transaction
				this.savepoint.executeWithoutResult(
						(status) -> this.jdbc.sql("insert into number_sequence (name, next_value) values (?, 2)")
							.param(name)
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
