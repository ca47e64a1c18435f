package org.antifraud.common;

/**
 * One invalid field of a request: the JSON path of the field and a human message.
 */
public record FieldError(String field, String message) {
}
