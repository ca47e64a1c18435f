package org.antifraud.supervision.internal;

import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.antifraud.agency.Role;
import org.antifraud.agency.User;
import org.antifraud.agency.UserDirectory;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.RowIds;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In-app notifications: one row per user, created for new tasks and urges, read by the
 * user alone.
 */
@Component
class Notifications {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final UserDirectory users;

	Notifications(JdbcClient jdbc, JdbcTemplate batch, UserDirectory users) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.users = users;
	}

	/** A notification as its user reads it. */
	record Notification(String id, String kind, String title, String body, String caseRef, String taskId,
			Instant createdAt, Instant readAt) {
	}

	/**
	 * Notifies the users of an agency, only those holding {@code role} when one is given.
	 */
	void notifyAgency(String agencyCode, Role role, String kind, String title, String body, String caseRef,
			String taskId) {
		notifyAgencies(List.of(new ForAgency(agencyCode, role, kind, title, body, caseRef, taskId)));
	}

	/**
	 * Writes several notifications at once: each agency's users looked up once, the rows
	 * in one batch.
	 */
	void notifyAgencies(List<ForAgency> notices) {
		Map<String, List<User>> users = this.users.inAgencies(
				notices.stream().map(ForAgency::agencyCode).filter(Objects::nonNull).collect(Collectors.toSet()));
		Timestamp now = timestamp(Now.instant());
		List<Object[]> rows = new ArrayList<>();
		for (ForAgency notice : notices) {
			if (notice.agencyCode() == null) {
				continue;
			}
			for (User user : users.getOrDefault(notice.agencyCode(), List.of())) {
				if (user.enabled() && (notice.role() == null || user.roles().contains(notice.role()))) {
					rows.add(new Object[] { RowIds.next(), user.username(), notice.kind(), notice.title(),
							notice.body(), notice.caseRef(), notice.taskId(), now });
				}
			}
		}
		if (!rows.isEmpty()) {
			this.batch.batchUpdate("""
					insert into notification (id, username, kind, title, body, case_ref, task_id, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		}
	}

	/**
	 * A notification for the users of an agency (with {@code role}, when one is given).
	 */
	record ForAgency(String agencyCode, Role role, String kind, String title, String body, String caseRef,
			String taskId) {
	}

	Page<Notification> page(String username, boolean unreadOnly, Page.Request request) {
		SqlWhere filter = new SqlWhere().equal("username", username).when(unreadOnly, "read_at is null", Map.of());
		List<Notification> items = filter
			.bind(this.jdbc.sql(
					"select * from notification" + filter.sql() + " order by created_at desc" + SqlWhere.page(request)))
			.query((rs, row) -> new Notification(rs.getString("id"), rs.getString("kind"), rs.getString("title"),
					rs.getString("body"), rs.getString("case_ref"), rs.getString("task_id"), instant(rs, "created_at"),
					instant(rs, "read_at")))
			.list();
		long total = filter.bind(this.jdbc.sql("select count(*) from notification" + filter.sql()))
			.query(Long.class)
			.single();
		return new Page<>(items, request.page(), request.size(), total);
	}

	/** Marks a notification of this user read; false when it is not theirs. */
	boolean markRead(String id, String username) {
		return this.jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and username = ?")
			.params(timestamp(Now.instant()), id, username)
			.update() == 1;
	}

}
