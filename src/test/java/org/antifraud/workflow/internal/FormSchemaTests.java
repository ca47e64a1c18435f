package org.antifraud.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.File;
import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.common.ApiException;
import org.antifraud.common.FieldError;
import org.junit.jupiter.api.Test;

/**
 * Server-side validation of submissions against the Camunda Forms in {@code forms/}.
 */
class FormSchemaTests {

	private static FormSchema form(String id) throws IOException {
		return FormSchema.parse(new ObjectMapper().readTree(new File("forms/" + id + ".form")));
	}

	@Test
	void acceptsAValidSubmissionAndTrimsText() throws IOException {
		Map<String, Object> values = form("answer-execution-order")
			.validate(Map.of("outcome", "APPLIED", "affectedIdentifiers", " 6222020200112233445 "));
		assertThat(values).containsEntry("affectedIdentifiers", "6222020200112233445");
	}

	@Test
	void reportsMissingUnknownAndInvalidFieldsTogether() throws IOException {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> form("serve-notice")
				.validate(Map.of("servedOn", "2026-13-01", "serviceMethod", "PIGEON", "caseId", "x")))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactlyInAnyOrder("caseId", "servedOn", "serviceMethod"));
	}

	@Test
	void rejectsTooLongText() throws IOException {
		assertThatExceptionOfType(ApiException.class).isThrownBy(
				() -> form("review-determination").validate(Map.of("decision", "RETURN", "opinion", "长".repeat(2001))))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::message)
				.containsExactly("validation.tooLong"));
	}

	@Test
	void rejectsWrongTypes() throws IOException {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> form("review-determination").validate(Map.of("decision", 1)))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("decision"));
	}

}
