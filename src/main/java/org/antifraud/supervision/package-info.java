/**
 * Leadership's view of every open deadline of every process with its red/yellow/green
 * status on the official calendar, statistics per agency, urges (催办), in-app
 * notifications and the Excel export. Deadlines are kept in one indexed table from the
 * events of the process modules.
 */
package org.antifraud.supervision;
