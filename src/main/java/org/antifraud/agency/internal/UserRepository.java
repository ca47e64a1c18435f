package org.antifraud.agency.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.antifraud.agency.Role;
import org.antifraud.agency.User;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * User rows and their roles.
 */
@Repository
public class UserRepository {

	private static final String SELECT = """
			select u.username, u.display_name, u.agency_code, u.enabled, r.role_name
			from app_user u left join app_user_role r on r.username = u.username
			""";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<User> find(String username) {
		return query(SELECT + " where u.username = ?", username).stream().findFirst();
	}

	public List<User> inAgency(String agencyCode) {
		return inAgencies(List.of(agencyCode)).getOrDefault(agencyCode, List.of());
	}

	/** The users of each of {@code agencyCodes}, by agency, in one query. */
	public Map<String, List<User>> inAgencies(Collection<String> agencyCodes) {
		Map<String, List<User>> byAgency = new HashMap<>();
		if (!agencyCodes.isEmpty()) {
			users(this.jdbc.sql(SELECT + " where u.agency_code in (:codes) order by u.username")
				.param("codes", Set.copyOf(agencyCodes)))
				.forEach((user) -> byAgency.computeIfAbsent(user.agencyCode(), (code) -> new ArrayList<>()).add(user));
		}
		return byAgency;
	}

	public Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from app_user where username = ? and enabled = true")
			.param(username)
			.query(String.class)
			.optional();
	}

	public List<String[]> allPasswordHashes() {
		return this.jdbc.sql("select username, password_hash from app_user")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

	boolean exists(String username) {
		return this.jdbc.sql("select count(*) from app_user where username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(User user, String passwordHash) {
		this.jdbc.sql(
				"insert into app_user (username, display_name, agency_code, password_hash, enabled) values (?, ?, ?, ?, ?)")
			.params(user.username(), user.displayName(), user.agencyCode(), passwordHash, user.enabled())
			.update();
		for (Role role : user.roles()) {
			this.jdbc.sql("insert into app_user_role (username, role_name) values (?, ?)")
				.params(user.username(), role.name())
				.update();
		}
	}

	/**
	 * Writes a user as an identity provider describes them (no password): their name,
	 * agency and roles replace what was stored.
	 */
	public void remember(User user) {
		if (!exists(user.username())) {
			insert(user, null);
			return;
		}
		this.jdbc.sql("update app_user set display_name = ?, agency_code = ?, enabled = ? where username = ?")
			.params(user.displayName(), user.agencyCode(), user.enabled(), user.username())
			.update();
		this.jdbc.sql("delete from app_user_role where username = ?").param(user.username()).update();
		for (Role role : user.roles()) {
			this.jdbc.sql("insert into app_user_role (username, role_name) values (?, ?)")
				.params(user.username(), role.name())
				.update();
		}
	}

	private List<User> query(String sql, Object param) {
		return users(this.jdbc.sql(sql).param(param));
	}

	private static List<User> users(JdbcClient.StatementSpec statement) {
		List<Row> rows = statement
			.query((rs, row) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5)))
			.list();
		Map<String, List<Row>> byUser = new LinkedHashMap<>();
		rows.forEach((row) -> byUser.computeIfAbsent(row.username(), (name) -> new ArrayList<>()).add(row));
		List<User> users = new ArrayList<>();
		byUser.forEach((name, userRows) -> {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			userRows.stream().map(Row::role).filter((role) -> role != null).map(Role::valueOf).forEach(roles::add);
			Row first = userRows.get(0);
			users.add(new User(name, first.displayName(), first.agencyCode(), roles, first.enabled()));
		});
		return users;
	}

	private record Row(String username, String displayName, String agencyCode, boolean enabled, String role) {
	}

}
