package org.antifraud.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

import org.antifraud.calendar.internal.HolidayStore;
import org.antifraud.common.Now;

import org.springframework.stereotype.Service;

/**
 * Deadline arithmetic on the official calendar. Working-day periods skip weekends and
 * holidays and count 调休 weekends; Civil Code periods (Arts. 201–203) do not count the
 * first day, end on the corresponding day (or the month's last day) and move off a rest
 * day to the next working day.
 */
@Service
public class WorkingDayCalendar {

	private final HolidayStore store;

	public WorkingDayCalendar(HolidayStore store) {
		this.store = store;
	}

	/**
	 * Whether work is done on the given day, and whether that answer is only provisional.
	 */
	public boolean isWorkingDay(LocalDate day) {
		return dayKind(day).working();
	}

	/** Whether the day lies in a year whose official arrangement is not loaded yet. */
	public boolean isProvisional(LocalDate day) {
		return dayKind(day).provisional();
	}

	/**
	 * The date {@code days} working days after {@code from} (the start day is not
	 * counted).
	 */
	public Deadline addWorkingDays(LocalDate from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative");
		}
		boolean provisional = false;
		LocalDate day = from;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			DayKind kind = dayKind(day);
			provisional |= kind.provisional();
			if (kind.working()) {
				counted++;
			}
		}
		return new Deadline(day, provisional);
	}

	/** The last working day strictly before {@code day}. */
	public Deadline previousWorkingDay(LocalDate day) {
		boolean provisional = false;
		LocalDate candidate = day;
		DayKind kind;
		do {
			candidate = candidate.minusDays(1);
			kind = dayKind(candidate);
			provisional |= kind.provisional();
		}
		while (!kind.working());
		return new Deadline(candidate, provisional);
	}

	/**
	 * A Civil Code period of days, months or years from {@code from}: ends on the
	 * corresponding day, moved to the next working day when that is a rest day or
	 * holiday.
	 */
	public Deadline addPeriod(LocalDate from, Period period) {
		LocalDate end = from.plus(period);
		DayKind kind = dayKind(end);
		boolean provisional = kind.provisional();
		while (!kind.working()) {
			end = end.plusDays(1);
			kind = dayKind(end);
			provisional |= kind.provisional();
		}
		return new Deadline(end, provisional);
	}

	/** An hour-based limit (for example the 48 hours of an emergency stop-payment). */
	public ZonedDateTime addHours(ZonedDateTime from, long hours) {
		return from.withZoneSameInstant(Now.ZONE).plusHours(hours);
	}

	/**
	 * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when
	 * {@code to} is before {@code from}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (dayKind(day).working()) {
				count++;
			}
		}
		return count;
	}

	/** Traffic-light status of a deadline that falls due at the end of {@code due}. */
	public DueStatus statusOf(LocalDate due, LocalDate today) {
		if (today.isAfter(due)) {
			return DueStatus.RED;
		}
		return (workingDaysBetween(today, due) <= DueStatus.YELLOW_THRESHOLD) ? DueStatus.YELLOW : DueStatus.GREEN;
	}

	/**
	 * The instant a day-precision deadline passes: midnight after the due day, Beijing
	 * time.
	 */
	public static Instant endOf(LocalDate due) {
		return due.plusDays(1).atStartOfDay(Now.ZONE).toInstant();
	}

	/**
	 * A moment within a day, Beijing time (for reminders sent at the start of office
	 * hours).
	 */
	public static Instant at(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(Now.ZONE).toInstant();
	}

	/** The loaded arrangement of a year, if any. */
	public Optional<HolidayArrangement> arrangement(int year) {
		return this.store.find(year);
	}

	/** Replaces the arrangement of one year after validating it. */
	public void replace(int year, HolidayArrangement arrangement, String changedBy) {
		arrangement.validate(year);
		this.store.save(arrangement, changedBy);
	}

	private DayKind dayKind(LocalDate day) {
		Optional<HolidayStore.Year> year = this.store.year(day.getYear());
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (year.isEmpty()) {
			return new DayKind(!weekend, true);
		}
		Set<LocalDate> off = year.get().holidays();
		if (off.contains(day)) {
			return new DayKind(false, false);
		}
		return new DayKind(!weekend || year.get().workingWeekends().contains(day), false);
	}

	private record DayKind(boolean working, boolean provisional) {
	}

}
