/**
 * The official working-day calendar: the State Council's yearly holiday arrangement
 * (holidays and 调休 working weekends), deadline arithmetic in working days, Civil Code
 * periods and hours, all in Asia/Shanghai. A date in a year with no arrangement loaded is
 * computed on weekends only and flagged provisional.
 */
package org.antifraud.calendar;
