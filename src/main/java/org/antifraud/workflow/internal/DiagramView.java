package org.antifraud.workflow.internal;

import java.util.List;

/** A process model with the elements passed and the ones active now. */
record DiagramView(String xml, List<String> completed, List<String> active) {
}
