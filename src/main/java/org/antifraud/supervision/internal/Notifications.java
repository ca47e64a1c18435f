package org.antifraud.supervision.internal;

import static org.antifraud.common.Rows.instant;
import static org.antifraud.common.Rows.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import org.antifraud.agency.Role;
import org.antifraud.agency.User;
import org.antifraud.agency.UserDirectory;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In-app notifications: one row per user, created for new tasks and urges, read by the
 * user alone.
 */
@Component
class Notifications {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	Notifications(JdbcClient jdbc, UserDirectory users) {
		this.jdbc = jdbc;
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
		if (agencyCode == null) {
			return;
		}
		for (User user : this.users.inAgency(agencyCode)) {
			if (user.enabled() && (role == null || user.roles().contains(role))) {
				this.jdbc.sql("""
						insert into notification (id, username, kind, title, body, case_ref, task_id, created_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(UUID.randomUUID().toString(), user.username(), kind, title, body, caseRef, taskId,
							timestamp(Now.instant()))
					.update();
			}
		}
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
