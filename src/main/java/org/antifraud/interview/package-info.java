/**
 * Accountability interviews (约谈) of a unit's principal: notice served working days ahead,
 * attendance confirmed or rescheduled, minutes with commitments that become a
 * rectification order, and no-shows handled.
 */
package org.antifraud.interview;
