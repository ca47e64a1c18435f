package org.antifraud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Joint-discipline workflow engine: one Spring Boot application with an embedded Camunda
 * 7 engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JointDisciplineApplication {

	public static void main(String[] args) {
		SpringApplication.run(JointDisciplineApplication.class, args);
	}

}
