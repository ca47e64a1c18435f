package org.antifraud.common;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problems: a localized title and detail and an {@code errors} list of
 * {@code {field, message}}.
 */
@Component
public class ProblemResponses {

	private final MessageSource messages;

	public ProblemResponses(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail problem(HttpStatus status, String messageKey, Object[] args, List<FieldError> errors,
			Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:antifraud:problem:" + messageKey));
		problem.setTitle(message("status." + status.value(), null, locale, status.getReasonPhrase()));
		problem.setDetail(message(messageKey, args, locale, messageKey));
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors.stream()
				.map((error) -> new FieldError(error.field(), message(error.message(), args, locale, error.message())))
				.toList());
		}
		return problem;
	}

	public String message(String key, Object[] args, Locale locale, String fallback) {
		try {
			return this.messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException ex) {
			return fallback;
		}
	}

}
