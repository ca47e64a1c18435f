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
		String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
		String user = System.getenv().getOrDefault("PGUSER", "postgres");
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres", user, "");
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		SpringApplication application = new SpringApplication(JointDisciplineApplication.class);
		application.setAdditionalProfiles("demo", "postgres");
		return application.run("--spring.datasource.url=jdbc:postgresql://" + host + ":5432/" + database,
				"--spring.datasource.username=" + user, "--camunda.bpm.job-execution.enabled=false",
				"--logging.level.root=warn", "--server.port=0");
	}

}
