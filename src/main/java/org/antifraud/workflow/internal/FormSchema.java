package org.antifraud.workflow.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.common.ApiException;
import org.antifraud.common.FieldError;

/**
 * The input fields of one Camunda Form (form-js JSON) and the server-side check of a
 * submission against them: unknown fields, required fields, option lists, lengths,
 * patterns, numbers and dates. What the browser checks is checked again here.
 */
record FormSchema(String id, JsonNode json, Map<String, Field> fields) {

	private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
			"checkbox", "datetime");

	static FormSchema parse(JsonNode json) {
		Map<String, Field> fields = new LinkedHashMap<>();
		collect(json.path("components"), fields);
		return new FormSchema(json.path("id").asText(), json, fields);
	}

	private static void collect(JsonNode components, Map<String, Field> fields) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			if (component.has("components")) {
				collect(component.path("components"), fields);
			}
			if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
				continue;
			}
			JsonNode validate = component.path("validate");
			List<String> options = new ArrayList<>();
			component.path("values").forEach((option) -> options.add(option.path("value").asText()));
			if ("datetime".equals(type) && "datetime".equals(component.path("subtype").asText())) {
				type = "datetime-local";
			}
			fields.put(component.path("key").asText(),
					new Field(component.path("key").asText(), type, validate.path("required").asBoolean(false), options,
							validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
							validate.hasNonNull("pattern") ? validate.path("pattern").asText() : null,
							validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
							validate.hasNonNull("max") ? validate.path("max").decimalValue() : null));
		}
	}

	/**
	 * Checks a submission; returns the values converted to Java types or throws a 400
	 * problem.
	 */
	Map<String, Object> validate(Map<String, Object> submitted) {
		Map<String, Object> values = (submitted != null) ? submitted : Map.of();
		List<FieldError> errors = new ArrayList<>();
		values.keySet()
			.stream()
			.filter((key) -> !this.fields.containsKey(key))
			.forEach((key) -> errors.add(new FieldError(key, "validation.unknownField")));
		Map<String, Object> converted = new LinkedHashMap<>();
		for (Field field : this.fields.values()) {
			Object value = values.get(field.key());
			boolean blank = value == null || (value instanceof String text && text.isBlank());
			if (blank) {
				if (field.required()) {
					errors.add(new FieldError(field.key(), "validation.required"));
				}
				continue;
			}
			String error = field.check(value);
			if (error != null) {
				errors.add(new FieldError(field.key(), error));
			}
			else {
				converted.put(field.key(), field.convert(value));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		return converted;
	}

	Set<String> keys() {
		return this.fields.keySet().stream().collect(Collectors.toUnmodifiableSet());
	}

	/** One input field of the form. */
	record Field(String key, String type, boolean required, List<String> options, Integer maxLength, String pattern,
			BigDecimal min, BigDecimal max) {

		String check(Object value) {
			return switch (this.type) {
				case "checkbox" -> (value instanceof Boolean) ? null : "validation.invalid";
				case "number" -> checkNumber(value);
				case "datetime" -> checkDate(value);
				case "datetime-local" -> checkDateTime(value);
				default -> checkText(value);
			};
		}

		Object convert(Object value) {
			return switch (this.type) {
				case "number" -> new BigDecimal(value.toString()).stripTrailingZeros().scale() <= 0
						? (Object) new BigDecimal(value.toString()).longValueExact() : (Object) value;
				case "textfield", "textarea", "select", "radio" -> ((String) value).trim();
				default -> value;
			};
		}

		private String checkText(Object value) {
			if (!(value instanceof String text)) {
				return "validation.invalid";
			}
			if (!this.options.isEmpty() && !this.options.contains(text)) {
				return "validation.notAnOption";
			}
			if (this.maxLength != null && text.length() > this.maxLength) {
				return "validation.tooLong";
			}
			if (this.pattern != null && !text.matches(this.pattern)) {
				return "validation.pattern";
			}
			return null;
		}

		private String checkNumber(Object value) {
			BigDecimal number;
			try {
				number = new BigDecimal(value.toString());
			}
			catch (NumberFormatException ex) {
				return "validation.notANumber";
			}
			if (!(value instanceof Number) && !(value instanceof String)) {
				return "validation.notANumber";
			}
			if ((this.min != null && number.compareTo(this.min) < 0)
					|| (this.max != null && number.compareTo(this.max) > 0)) {
				return "validation.outOfRange";
			}
			return null;
		}

		private String checkDateTime(Object value) {
			try {
				LocalDateTime.parse(value.toString());
				return null;
			}
			catch (DateTimeParseException ex) {
				return "validation.notADateTime";
			}
		}

		private String checkDate(Object value) {
			try {
				LocalDate.parse(value.toString());
				return null;
			}
			catch (DateTimeParseException ex) {
				return "validation.notADate";
			}
		}

	}

}
