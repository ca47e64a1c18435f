package org.antifraud.telecom;

/**
 * Why a card is high-risk (DOMAIN.md §7).
 */
public enum CardReason {

	FRAUD_LINKED, MANY_CARDS, SILENT_CARD, OVERSEAS_HOTSPOT, REPEATED_FLAGS

}
