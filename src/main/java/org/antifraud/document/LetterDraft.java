package org.antifraud.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a module asks to be issued: the letter's type, the issuing agency, the case it
 * belongs to, the recipient (主送) and the values of the template's fields. Values are
 * plain text, never evaluated; a value with line breaks fills one paragraph per line
 * where its field stands alone.
 *
 * @param type the letter type, which picks the template
 * @param issuerCode the issuing agency; its seal, certificate and 文号 abbreviation are
 * used
 * @param caseKind the kind of case ({@code discipline}, {@code pil}, ...)
 * @param caseId the case's id
 * @param recipient the addressee, shown as 主送
 * @param fields the template's fields
 * @param audience agencies, besides the issuer, that may read the letter
 */
public record LetterDraft(LetterType type, String issuerCode, String caseKind, String caseId, String recipient,
		Map<String, String> fields, Set<String> audience) {

	public LetterDraft {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		audience = Set.copyOf(audience);
	}

}
