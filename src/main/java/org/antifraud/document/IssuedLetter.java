package org.antifraud.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A letter once issued. Its 文号 is drawn as the issuing transaction commits (a letter to
 * each of fourteen institutions does not hold its issuer's number sequence for the rest
 * of the step), so a step that needs the number asks for it with {@link #whenNumbered}.
 */
public final class IssuedLetter {

	private final String id;

	private String number;

	private final List<Consumer<String>> waiting = new ArrayList<>();

	/**
	 * @param id the document id
	 */
	public IssuedLetter(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

	/**
	 * The 文号.
	 * @throws IllegalStateException before the issuing transaction has drawn it
	 */
	public String number() {
		if (this.number == null) {
			throw new IllegalStateException("The number of letter " + this.id + " is drawn when its step commits");
		}
		return this.number;
	}

	/**
	 * Hands the 文号 to {@code use} as soon as it is drawn: inside the issuing transaction,
	 * just before it commits, so {@code use} may store it with the step's other changes.
	 */
	public void whenNumbered(Consumer<String> use) {
		if (this.number != null) {
			use.accept(this.number);
		}
		else {
			this.waiting.add(use);
		}
	}

	/** Called once by the letter service with the number it drew. */
	public void numbered(String drawn) {
		if (this.number != null) {
			throw new IllegalStateException("Letter " + this.id + " is numbered already");
		}
		this.number = drawn;
		this.waiting.forEach((use) -> use.accept(drawn));
		this.waiting.clear();
	}

}
