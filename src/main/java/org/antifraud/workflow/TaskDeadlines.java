package org.antifraud.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;

import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.Now;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, counted in working days from today on the official calendar.
 * BPMN models call it as {@code ${deadlines.due('legalReview')}}; the number of working
 * days per name is configuration ({@code antifraud.workflow.due-working-days.*}).
 */
@Component("deadlines")
public class TaskDeadlines {

	/** Time of day a day-precision deadline is shown as due. */
	public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	private final WorkingDayCalendar calendar;

	private final Properties properties;

	TaskDeadlines(WorkingDayCalendar calendar, Properties properties) {
		this.calendar = calendar;
		this.properties = properties;
	}

	/** The due moment of a task with the named working-day limit, starting today. */
	public Date due(String name) {
		return endOfDay(dueDate(name));
	}

	/** The due day of a task with the named working-day limit, starting today. */
	public LocalDate dueDate(String name) {
		return this.calendar.addWorkingDays(Now.today(), workingDays(name)).date();
	}

	public int workingDays(String name) {
		Integer days = this.properties.dueWorkingDays().get(name);
		if (days == null) {
			throw new IllegalArgumentException("No working-day limit configured for '" + name + "'");
		}
		return days;
	}

	/**
	 * The last second of a due day, Beijing time, as the engine stores task due dates.
	 */
	public static Date endOfDay(LocalDate day) {
		Instant instant = WorkingDayCalendar.at(day, END_OF_DAY);
		return Date.from(instant);
	}

	/** Working-day limits of task kinds, by name. */
	@ConfigurationProperties("antifraud.workflow")
	public record Properties(Map<String, Integer> dueWorkingDays) {

		public Properties {
			dueWorkingDays = (dueWorkingDays != null) ? Map.copyOf(dueWorkingDays) : Map.of();
		}

	}

}
