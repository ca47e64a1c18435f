package org.antifraud.common;

import java.util.List;

/**
 * One page of a list: the items, the page number (from 0), the page size and the total
 * count; {@code totalCapped} is true when there are more than {@code total} items and
 * counting them all would cost more than the page (absent otherwise).
 */
public record Page<T>(List<T> items, int page, int size, long total, Boolean totalCapped) {

	public Page(List<T> items, int page, int size, long total) {
		this(items, page, size, total, null);
	}

	/** Largest page a caller may ask for. */
	public static final int MAX_SIZE = 200;

	/** Checks the paging parameters of a request. */
	public static Request request(int page, int size) {
		Validation validation = new Validation();
		validation.require(page >= 0, "page", "validation.pageNegative");
		validation.require(size >= 1 && size <= MAX_SIZE, "size", "validation.pageSize");
		validation.throwIfInvalid();
		return new Request(page, size);
	}

	/** Validated paging parameters. */
	public record Request(int page, int size) {

		public int offset() {
			return this.page * this.size;
		}

	}

}
