package org.antifraud.discipline;

/**
 * The data-scope matrix with local users (HTTP session or Basic), in the shared context.
 */
class DisciplineDataScopeTests extends DataScopeMatrix {

}
