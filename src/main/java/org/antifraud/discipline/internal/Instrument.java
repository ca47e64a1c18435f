package org.antifraud.discipline.internal;

import org.antifraud.discipline.InstrumentType;

/**
 * A card or account named in a determination, with the institution that holds it.
 */
record Instrument(InstrumentType type, String identifier, String institutionCode) {
}
