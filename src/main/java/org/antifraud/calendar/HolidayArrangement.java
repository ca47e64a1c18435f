package org.antifraud.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.antifraud.common.Validation;

/**
 * One year's official arrangement: named holiday ranges and the weekend days that are
 * worked instead (调休上班).
 */
public record HolidayArrangement(int year, String source, List<Holiday> holidays, List<LocalDate> workingWeekends) {

	public HolidayArrangement {
		holidays = (holidays != null) ? List.copyOf(holidays) : List.of();
		workingWeekends = (workingWeekends != null) ? List.copyOf(workingWeekends) : List.of();
	}

	/** A named range of days off, both ends included. */
	public record Holiday(String name, LocalDate from, LocalDate to) {
	}

	/**
	 * Every day off that is not a plain weekend day, and every weekend day that is
	 * worked.
	 */
	public Set<LocalDate> offDays() {
		Set<LocalDate> dates = new HashSet<>();
		for (Holiday holiday : this.holidays) {
			for (LocalDate day = holiday.from(); !day.isAfter(holiday.to()); day = day.plusDays(1)) {
				dates.add(day);
			}
		}
		return dates;
	}

	/** Rejects an arrangement that does not describe the given year consistently. */
	public void validate(int expectedYear) {
		Validation validation = new Validation();
		validation.require(this.year == expectedYear, "year", "calendar.yearMismatch");
		for (int i = 0; i < this.holidays.size(); i++) {
			Holiday holiday = this.holidays.get(i);
			String field = "holidays[" + i + "]";
			if (holiday == null || holiday.from() == null || holiday.to() == null) {
				validation.add(field, "validation.required");
				continue;
			}
			validation.requireText(holiday.name(), field + ".name");
			validation.require(!holiday.to().isBefore(holiday.from()), field + ".to", "calendar.rangeReversed");
			validation.require(holiday.from().getYear() == expectedYear || holiday.to().getYear() == expectedYear,
					field, "calendar.outsideYear");
		}
		Set<LocalDate> off = validation.hasErrors() ? Set.of() : offDays();
		for (int i = 0; i < this.workingWeekends.size(); i++) {
			LocalDate day = this.workingWeekends.get(i);
			String field = "workingWeekends[" + i + "]";
			if (day == null) {
				validation.add(field, "validation.required");
				continue;
			}
			validation.require(day.getYear() == expectedYear, field, "calendar.outsideYear");
			validation.require(day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY,
					field, "calendar.notWeekend");
			validation.require(!off.contains(day), field, "calendar.workingDayIsHoliday");
		}
		validation.require(new HashSet<>(this.workingWeekends).size() == this.workingWeekends.size(), "workingWeekends",
				"calendar.duplicateDay");
		validation.throwIfInvalid();
	}

}
