package org.antifraud.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be carried out. The message is a message-bundle key; the handler
 * renders it as an RFC 9457 problem in the caller's language.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final transient Object[] args;

	private final List<FieldError> errors;

	public ApiException(HttpStatus status, String messageKey, Object... args) {
		this(status, List.of(), messageKey, args);
	}

	public ApiException(HttpStatus status, List<FieldError> errors, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.errors = List.copyOf(errors);
		this.args = args;
	}

	public static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "error.notFound");
	}

	public static ApiException invalid(List<FieldError> errors) {
		return new ApiException(HttpStatus.BAD_REQUEST, errors, "error.validation");
	}

	public static ApiException invalid(String field, String messageKey, Object... args) {
		return new ApiException(HttpStatus.BAD_REQUEST, List.of(new FieldError(field, messageKey)), "error.validation",
				args);
	}

	public static ApiException conflict(String messageKey, Object... args) {
		return new ApiException(HttpStatus.CONFLICT, messageKey, args);
	}

	public HttpStatus status() {
		return this.status;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public Object[] args() {
		return this.args;
	}

}
