package org.antifraud.calendar.internal;

import java.time.LocalDate;
import java.time.Period;

import org.antifraud.calendar.Deadline;
import org.antifraud.calendar.HolidayArrangement;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.security.CurrentActor;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads and replaces yearly holiday arrangements and answers deadline questions.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

	private static final int MAX_DAYS = 3660;

	private final WorkingDayCalendar calendar;

	private final CurrentActor actor;

	CalendarController(WorkingDayCalendar calendar, CurrentActor actor) {
		this.calendar = calendar;
		this.actor = actor;
	}

	@GetMapping("/{year}")
	HolidayArrangement arrangement(@PathVariable int year) {
		return this.calendar.arrangement(year)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "calendar.yearNotLoaded", String.valueOf(year)));
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	HolidayArrangement replace(@PathVariable int year, @RequestBody HolidayArrangement arrangement) {
		this.calendar.replace(year, arrangement, this.actor.get().username());
		return arrangement;
	}

	@GetMapping("/working-days/add")
	Deadline addWorkingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int days) {
		checkRange(days, "days");
		return this.calendar.addWorkingDays(from, days);
	}

	/** A Civil Code period: {@code unit} is DAYS, MONTHS or YEARS. */
	@GetMapping("/periods/add")
	Deadline addPeriod(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int amount, @RequestParam PeriodUnit unit) {
		checkRange(amount, "amount");
		return this.calendar.addPeriod(from, unit.of(amount));
	}

	private static void checkRange(int value, String field) {
		if (value < 0 || value > MAX_DAYS) {
			throw ApiException.invalid(field, "calendar.amountOutOfRange");
		}
	}

	enum PeriodUnit {

		DAYS, MONTHS, YEARS;

		Period of(int amount) {
			return switch (this) {
				case DAYS -> Period.ofDays(amount);
				case MONTHS -> Period.ofMonths(amount);
				case YEARS -> Period.ofYears(amount);
			};
		}

	}

}
