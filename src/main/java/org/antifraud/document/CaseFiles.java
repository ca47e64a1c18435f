package org.antifraud.document;

import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.antifraud.security.Actor;

/**
 * What a case module tells the document module about its cases so that users can attach
 * evidence to them: who may see a case, and which agencies own it. An attachment is read
 * by the case's owners, the uploading agency and those who read everything.
 */
public interface CaseFiles {

	/** The case kind, as in {@link LetterDraft#caseKind()}. */
	String caseKind();

	/** The processes whose business key is a case of this kind. */
	Set<String> processKeys();

	/** Whether the actor may see the case (and so attach evidence to it). */
	boolean canSee(String caseId, Actor actor);

	/** The agencies that own the case and read every attachment on it. */
	Set<String> owners(String caseId);

	/**
	 * Case files of a kind from the module's own lookup and access rule.
	 * @param find the case by id
	 * @param canSee whether an actor sees a case
	 * @param owners the agencies owning a case
	 */
	static <T> CaseFiles of(String caseKind, Set<String> processKeys, Function<String, Optional<T>> find,
			BiPredicate<T, Actor> canSee, Function<T, Set<String>> owners) {
		return new CaseFiles() {

			@Override
			public String caseKind() {
				return caseKind;
			}

			@Override
			public Set<String> processKeys() {
				return processKeys;
			}

			@Override
			public boolean canSee(String caseId, Actor actor) {
				return find.apply(caseId).map((c) -> canSee.test(c, actor)).orElse(false);
			}

			@Override
			public Set<String> owners(String caseId) {
				return owners.apply(find.apply(caseId).orElseThrow());
			}

		};
	}

}
