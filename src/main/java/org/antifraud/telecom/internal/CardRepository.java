package org.antifraud.telecom.internal;

import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.RowIds;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Phone cards, their verifications and refusals of the card-count check.
 */
@Repository
class CardRepository {

	private final JdbcClient jdbc;

	CardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A card as registered with its operator. */
	record Card(String id, String operatorCode, String phone, String holderName, String holderIdNumber, String status,
			Instant registeredAt) {
	}

	/** A verification order and its outcome. */
	record Verification(String id, String caseNumber, String cardId, String operatorCode, String reason, String detail,
			String requestedByAgency, String requestedBy, Instant requestedAt, Instant dueAt, String status,
			Instant verifiedAt, Instant suspendedAt, Instant restoredAt, String objection, String objectionAnswer,
			Instant closedAt) {
	}

	Optional<Card> card(String operatorCode, String phone) {
		return this.jdbc.sql("select * from phone_card where operator_code = ? and phone = ?")
			.params(operatorCode, phone)
			.query(this::cardRow)
			.optional();
	}

	Card cardById(String id) {
		return this.jdbc.sql("select * from phone_card where id = ?").param(id).query(this::cardRow).single();
	}

	String insertCard(String operatorCode, String phone, String holderName, String holderIdNumber) {
		String id = RowIds.next();
		this.jdbc.sql("""
				insert into phone_card (id, operator_code, phone, holder_name, holder_id_number, status, registered_at)
				values (?, ?, ?, ?, ?, 'ACTIVE', ?)""")
			.params(id, operatorCode, phone, holderName, holderIdNumber, timestamp(Now.instant()))
			.update();
		return id;
	}

	void cardStatus(String id, String status) {
		this.jdbc.sql("update phone_card set status = ? where id = ?").params(status, id).update();
	}

	/** Active cards of a holder at one operator, counted under a lock on those rows. */
	int activeCards(String operatorCode, String holderIdNumber) {
		return this.jdbc.sql("""
				select id from phone_card where operator_code = ? and holder_id_number = ? and status <> 'CANCELLED'
				for update""").params(operatorCode, holderIdNumber).query(String.class).list().size();
	}

	void refusal(String operatorCode, String phone, String holderIdNumber, int activeCards, String by) {
		this.jdbc
			.sql("""
					insert into card_refusal (id, operator_code, phone, holder_id_number, active_cards, refused_at, refused_by)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(RowIds.next(), operatorCode, phone, holderIdNumber, activeCards, timestamp(Now.instant()), by)
			.update();
	}

	boolean openVerification(String cardId) {
		return this.jdbc.sql("select count(*) from card_verification where card_id = ? and closed_at is null")
			.param(cardId)
			.query(Long.class)
			.single() > 0;
	}

	void insert(Verification v) {
		this.jdbc
			.sql("""
					insert into card_verification (id, case_number, card_id, operator_code, reason, detail, requested_by_agency,
					  requested_by, requested_at, due_at, status)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(v.id(), v.caseNumber(), v.cardId(), v.operatorCode(), v.reason(), v.detail(), v.requestedByAgency(),
					v.requestedBy(), timestamp(v.requestedAt()), timestamp(v.dueAt()), v.status())
			.update();
	}

	void processInstance(String id, String instance) {
		this.jdbc.sql("update card_verification set process_instance_id = ? where id = ?")
			.params(instance, id)
			.update();
	}

	Optional<Verification> find(String id) {
		return this.jdbc.sql("select * from card_verification where id = ?").param(id).query(this::row).optional();
	}

	Verification lock(String id) {
		return this.jdbc.sql("select * from card_verification where id = ? for update")
			.param(id)
			.query(this::row)
			.single();
	}

	/** Moves a verification to a status and stamps the column that goes with it. */
	void status(String id, String status, String stampColumn, boolean closed) {
		String stamp = switch (stampColumn) {
			case "verified_at", "suspended_at", "restored_at" -> ", " + stampColumn + " = :now";
			default -> "";
		};
		this.jdbc
			.sql("update card_verification set status = :status" + stamp + (closed ? ", closed_at = :now" : "")
					+ " where id = :id")
			.param("status", status)
			.param("now", timestamp(Now.instant()))
			.param("id", id)
			.update();
	}

	void objection(String id, String objection) {
		this.jdbc.sql("update card_verification set status = 'OBJECTION', objection = ? where id = ?")
			.params(objection, id)
			.update();
	}

	void objectionAnswer(String id, String answer) {
		this.jdbc.sql("update card_verification set objection_answer = ? where id = ?").params(answer, id).update();
	}

	List<Verification> page(SqlWhere filter, Page.Request request) {
		return filter
			.bind(this.jdbc.sql("select v.* from card_verification v" + filter.sql()
					+ " order by v.requested_at desc, v.id" + SqlWhere.page(request)))
			.query(this::row)
			.list();
	}

	long count(SqlWhere filter) {
		return filter.bind(this.jdbc.sql("select count(*) from card_verification v" + filter.sql()))
			.query(Long.class)
			.single();
	}

	private Card cardRow(ResultSet rs, int row) throws SQLException {
		return new Card(rs.getString("id"), rs.getString("operator_code"), rs.getString("phone"),
				rs.getString("holder_name"), rs.getString("holder_id_number"), rs.getString("status"),
				instant(rs, "registered_at"));
	}

	private Verification row(ResultSet rs, int row) throws SQLException {
		return new Verification(rs.getString("id"), rs.getString("case_number"), rs.getString("card_id"),
				rs.getString("operator_code"), rs.getString("reason"), rs.getString("detail"),
				rs.getString("requested_by_agency"), rs.getString("requested_by"), instant(rs, "requested_at"),
				instant(rs, "due_at"), rs.getString("status"), instant(rs, "verified_at"), instant(rs, "suspended_at"),
				instant(rs, "restored_at"), rs.getString("objection"), rs.getString("objection_answer"),
				instant(rs, "closed_at"));
	}

}
