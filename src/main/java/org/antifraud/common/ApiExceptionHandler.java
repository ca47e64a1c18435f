package org.antifraud.common;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failed API request into an RFC 9457 problem with a localized message.
 * Nothing the engine says internally leaks to the caller.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private final ProblemResponses problems;

	ApiExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ApiException.class)
	ProblemDetail api(ApiException ex, Locale locale) {
		return this.problems.problem(ex.status(), ex.getMessage(), ex.args(), ex.errors(), locale);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail beanValidation(MethodArgumentNotValidException ex, Locale locale) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), "validation.invalid"))
			.toList();
		return this.problems.problem(HttpStatus.BAD_REQUEST, "error.validation", null, errors, locale);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, Locale locale) {
		return this.problems.problem(HttpStatus.BAD_REQUEST, "error.unreadable", null, List.of(), locale);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	ProblemDetail badParameter(Exception ex, Locale locale) {
		String name = (ex instanceof MissingServletRequestParameterException missing) ? missing.getParameterName()
				: ((MethodArgumentTypeMismatchException) ex).getName();
		return this.problems.problem(HttpStatus.BAD_REQUEST, "error.validation", null,
				List.of(new FieldError(name, "validation.invalid")), locale);
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ProblemDetail missingPart(MissingServletRequestPartException ex, Locale locale) {
		return this.problems.problem(HttpStatus.BAD_REQUEST, "error.validation", null,
				List.of(new FieldError(ex.getRequestPartName(), "validation.required")), locale);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex, Locale locale) {
		return this.problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.tooLarge", null, List.of(), locale);
	}

	@ExceptionHandler({ NotFoundException.class, NullValueException.class, NoResourceFoundException.class })
	ProblemDetail notFound(Exception ex, Locale locale) {
		return this.problems.problem(HttpStatus.NOT_FOUND, "error.notFound", null, List.of(), locale);
	}

	@ExceptionHandler({ OptimisticLockingException.class, BadUserRequestException.class })
	ProblemDetail conflict(Exception ex, Locale locale) {
		return this.problems.problem(HttpStatus.CONFLICT, "error.concurrentChange", null, List.of(), locale);
	}

}
