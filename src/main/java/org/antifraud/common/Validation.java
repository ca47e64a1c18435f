package org.antifraud.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

	/**
	 * The constant of {@code type} named by {@code value} (surrounding blanks ignored),
	 * or empty when there is none.
	 */
	public static <E extends Enum<E>> Optional<E> option(Class<E> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value.trim())) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

	public void throwIfInvalid() {
		if (hasErrors()) {
			throw ApiException.invalid(this.errors);
		}
	}

}
