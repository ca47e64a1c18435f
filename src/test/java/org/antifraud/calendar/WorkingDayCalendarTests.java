package org.antifraud.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Deadline arithmetic on the official 2025 and 2026 arrangements, and the calendar API.
 */
class WorkingDayCalendarTests extends ApplicationTestSupport {

	@Autowired
	private WorkingDayCalendar calendar;

	@Nested
	class WorkingDays {

		@Test
		void threeWorkingDaysAfterNationalDayEveEndOnTheWorkingSaturday() {
			assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3))
				.isEqualTo(new Deadline(LocalDate.of(2026, 10, 10), false));
		}

		@Test
		void springFestivalAndItsWorkingWeekends() {
			// Fri 2026-02-13, then Sat 02-14 is worked, 02-15..23 off
			assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1).date()).isEqualTo("2026-02-14");
			assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 2).date()).isEqualTo("2026-02-24");
			assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
			assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
		}

		@Test
		void acrossTheYearBoundaryOf2025() {
			// Tue 2024-12-31 is in a year with no arrangement loaded: provisional
			assertThat(calendar.addWorkingDays(LocalDate.of(2024, 12, 30), 2))
				.isEqualTo(new Deadline(LocalDate.of(2025, 1, 2), true));
			assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 24), 1).date()).isEqualTo("2025-01-26");
		}

		@Test
		void yearWithoutArrangementIsProvisional() {
			// 2027 is not loaded: weekends only, flagged
			assertThat(calendar.addWorkingDays(LocalDate.of(2027, 9, 30), 3))
				.isEqualTo(new Deadline(LocalDate.of(2027, 10, 5), true));
		}

		@Test
		void workingDaysBetweenCountsOnlyWorkedDays() {
			assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10))).isEqualTo(3);
			assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 9, 30)))
				.isEqualTo(-3);
		}

	}

	@Nested
	class CivilCodePeriods {

		@Test
		void twoMonthsFromEndOfNovemberEndsOnMondayAfterTheWeekend() {
			assertThat(calendar.addPeriod(LocalDate.of(2026, 11, 30), Period.ofMonths(2)))
				.isEqualTo(new Deadline(LocalDate.of(2027, 2, 1), true));
		}

		@Test
		void monthWithoutTheDayEndsOnItsLastDay() {
			assertThat(calendar.addPeriod(LocalDate.of(2026, 12, 31), Period.ofMonths(2)))
				.isEqualTo(new Deadline(LocalDate.of(2027, 3, 1), true));
			assertThat(calendar.addPeriod(LocalDate.of(2026, 3, 31), Period.ofMonths(1)).date())
				.isEqualTo("2026-04-30");
		}

		@Test
		void fifteenDaysEndingInAHolidayMoveToTheNextWorkingDay() {
			// 2026-09-20 + 15 days = 2026-10-05 (National Day) -> Thu 2026-10-08
			assertThat(calendar.addPeriod(LocalDate.of(2026, 9, 20), Period.ofDays(15)))
				.isEqualTo(new Deadline(LocalDate.of(2026, 10, 8), false));
		}

	}

	@Nested
	class DueStatusColours {

		@Test
		void greenYellowRedAcrossTheHoliday() {
			LocalDate due = LocalDate.of(2026, 10, 9);
			// from Fri 2026-09-25: Sep 28, 29, 30, Oct 8, 9 = 5 working days
			assertThat(calendar.statusOf(due, LocalDate.of(2026, 9, 25))).isEqualTo(DueStatus.GREEN);
			// from Mon 2026-09-28: Sep 29, 30, Oct 8, 9 = 4
			assertThat(calendar.statusOf(due, LocalDate.of(2026, 9, 28))).isEqualTo(DueStatus.GREEN);
			assertThat(calendar.statusOf(due, LocalDate.of(2026, 9, 29))).isEqualTo(DueStatus.YELLOW);
			assertThat(calendar.statusOf(due, due)).isEqualTo(DueStatus.YELLOW);
			assertThat(calendar.statusOf(due, due.plusDays(1))).isEqualTo(DueStatus.RED);
		}

	}

	@Nested
	class Api {

		@Test
		void addWorkingDays() throws Exception {
			JsonNode answer = getJson("police.laoshan", "/api/calendar/working-days/add?from=2026-09-30&days=3");
			assertThat(answer.path("date").asText()).isEqualTo("2026-10-10");
			assertThat(answer.path("provisional").asBoolean()).isFalse();
			assertThat(getJson("police.laoshan", "/api/calendar/working-days/add?from=2027-03-01&days=1")
				.path("provisional")
				.asBoolean()).isTrue();
		}

		@Test
		void readsAYearAndRefusesAMissingOne() throws Exception {
			assertThat(getJson("police.laoshan", "/api/calendar/2026").path("workingWeekends")).hasSize(6);
			JsonNode problem = read404("/api/calendar/2031");
			assertThat(problem.path("detail").asText()).contains("2031");
		}

		@Test
		void onlyAdminReplacesAYear() throws Exception {
			String body = json.writeValueAsString(Map.of("year", 2035, "holidays",
					java.util.List.of(Map.of("name", "元旦", "from", "2035-01-01", "to", "2035-01-01")),
					"workingWeekends", java.util.List.of()));
			call("police.laoshan", put("/api/calendar/2035").contentType(MediaType.APPLICATION_JSON).content(body),
					403);
			call("admin", put("/api/calendar/2035").contentType(MediaType.APPLICATION_JSON).content(body), 200);
			assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 1))).isFalse();
			assertThat(calendar.addWorkingDays(LocalDate.of(2035, 1, 4), 1).provisional()).isFalse();
		}

		@Test
		void invalidArrangementIsRejectedWithEveryField() throws Exception {
			String body = json.writeValueAsString(Map.of("year", 2036, "holidays",
					java.util.List.of(Map.of("name", "国庆节", "from", "2036-10-07", "to", "2036-10-01")),
					"workingWeekends", java.util.List.of("2036-10-08", "2035-10-13")));
			JsonNode problem = json.readTree(
					call("admin", put("/api/calendar/2036").contentType(MediaType.APPLICATION_JSON).content(body), 400)
						.getResponse()
						.getContentAsString());
			assertThat(problem.path("errors").findValuesAsText("field")).contains("holidays[0].to",
					"workingWeekends[0]", "workingWeekends[1]");
			assertThat(calendar.arrangement(2036)).isEmpty();
		}

		private JsonNode read404(String url) throws Exception {
			return json.readTree(
					call("police.laoshan", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url),
							404)
						.getResponse()
						.getContentAsString());
		}

	}

}
