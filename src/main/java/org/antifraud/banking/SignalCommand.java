package org.antifraud.banking;

/**
 * A risk signal on an account, as sent over the API or read from an intake row.
 *
 * @param institutionCode the bank or payment institution holding the account
 * @param accountNumber the account or card number
 * @param accountClass Ⅰ, Ⅱ or Ⅲ as {@code I}, {@code II}, {@code III}
 * @param holderName the account holder
 * @param holderIdNumber the holder's resident ID number
 * @param kind a {@link SignalKind} name
 * @param detail what was seen
 * @param reference a case number or alert id
 */
public record SignalCommand(String institutionCode, String accountNumber, String accountClass, String holderName,
		String holderIdNumber, String kind, String detail, String reference) {
}
