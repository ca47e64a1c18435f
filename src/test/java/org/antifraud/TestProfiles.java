package org.antifraud;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the test database: in-memory H2 by default, or, with
 * {@code -Dtest.database=postgres} (the failsafe run), a fresh PostgreSQL database
 * created once per test JVM.
 */
public class TestProfiles implements ActiveProfilesResolver {

	static final String DATABASE = "antifraud_it";

	private static boolean created;

	@Override
	public String[] resolve(Class<?> testClass) {
		if (!"postgres".equals(System.getProperty("test.database"))) {
			return new String[] { "demo", "test" };
		}
		recreateDatabase();
		return new String[] { "demo", "test", "postgres-it" };
	}

	static synchronized void recreateDatabase() {
		if (created) {
			return;
		}
		freshDatabase(DATABASE);
		created = true;
	}

	/**
	 * Drops and creates a PostgreSQL database of this machine; answers its JDBC URL. A
	 * test with a server of its own (the browser run) starts on an empty one, as a new
	 * deployment does, whatever the shared context's tests left behind.
	 */
	public static String freshDatabase(String database) {
		String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
		String user = System.getenv().getOrDefault("PGUSER", "postgres");
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres", user,
				System.getenv().getOrDefault("PGPASSWORD", "")); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL is needed for the failsafe run at " + host + ":5432", ex);
		}
		return "jdbc:postgresql://" + host + ":5432/" + database;
	}

}
