package org.antifraud.discipline;

/**
 * Cards and accounts bought, sold, rented or lent (Art. 3 of the Measures).
 */
public enum InstrumentType {

	BANK_ACCOUNT, PAYMENT_ACCOUNT, ECNY_WALLET, PHONE_CARD, IOT_CARD, FIXED_LINE, SMS_PORT, INTERNET_ACCOUNT

}
