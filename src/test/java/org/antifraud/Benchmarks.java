package org.antifraud;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application for a benchmark main on a PostgreSQL database of its own,
 * dropped and created afresh, with the job executor off and quiet logs. PostgreSQL comes
 * from PGHOST/PGUSER (default 127.0.0.1, postgres).
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static ConfigurableApplicationContext start(String database) throws Exception {
		String url = createDatabase(database);
		SpringApplication application = new SpringApplication(JointDisciplineApplication.class);
		application.setAdditionalProfiles("demo", "postgres");
		return application.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user(),
				"--camunda.bpm.job-execution.enabled=false", "--logging.level.root=warn", "--server.port=0");
	}

	/** Drops and creates the database; answers its JDBC URL. */
	public static String createDatabase(String database) throws Exception {
		try (Connection admin = DriverManager.getConnection(url("postgres"), user(), "");
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		return url(database);
	}

	public static String user() {
		return System.getenv().getOrDefault("PGUSER", "postgres");
	}

	private static String url(String database) {
		return "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":5432/" + database;
	}

	/** The database's size as PostgreSQL prints it. */
	public static String databaseSize(String url) {
		try (Connection connection = DriverManager.getConnection(url, user(), "");
				Statement statement = connection.createStatement()) {
			var size = statement.executeQuery("select pg_size_pretty(pg_database_size(current_database()))");
			size.next();
			return size.getString(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The size of the database the application runs on. */
	public static String databaseSize(ConfigurableApplicationContext context) {
		return databaseSize(context.getEnvironment().getProperty("spring.datasource.url"));
	}

}
