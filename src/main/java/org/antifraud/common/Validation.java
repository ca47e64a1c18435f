package org.antifraud.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors of one request and throws them together, so a caller learns every
 * problem at once. Messages are message-bundle keys.
 */
public final class Validation {

	private final List<FieldError> errors = new ArrayList<>();

	public Validation require(boolean condition, String field, String messageKey) {
		if (!condition) {
			this.errors.add(new FieldError(field, messageKey));
		}
		return this;
	}

	public Validation requireText(String value, String field) {
		return require(value != null && !value.isBlank(), field, "validation.required");
	}

	public Validation add(String field, String messageKey) {
		this.errors.add(new FieldError(field, messageKey));
		return this;
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	public void throwIfInvalid() {
		if (hasErrors()) {
			throw ApiException.invalid(this.errors);
		}
	}

}
