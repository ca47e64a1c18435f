package org.antifraud.discipline;

/**
 * An order to apply measures (协助执行) or to lift them (解除).
 */
public enum OrderKind {

	EXECUTION, LIFTING

}
