package org.antifraud.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.DueStatus;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.RowIds;
import org.antifraud.common.SqlWhere;
import org.antifraud.common.Validation;
import org.antifraud.security.Actor;
import org.antifraud.workflow.TaskNotes;
import org.antifraud.common.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers leadership's questions about deadlines: which are open and how urgent, which
 * agency is late, and records urges.
 */
@Service
class SupervisionService {

	private final DeadlineRepository deadlines;

	private final WorkingDayCalendar calendar;

	private final AgencyDirectory agencies;

	private final Notifications notifications;

	private final TaskNotes taskNotes;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	SupervisionService(DeadlineRepository deadlines, WorkingDayCalendar calendar, AgencyDirectory agencies,
			Notifications notifications, TaskNotes taskNotes, AuditTrail audit, JdbcClient jdbc) {
		this.deadlines = deadlines;
		this.calendar = calendar;
		this.agencies = agencies;
		this.notifications = notifications;
		this.taskNotes = taskNotes;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** Filters of the deadline list. */
	record DeadlineFilter(String agency, String process, String caseRef, DueStatus status, LocalDate from,
			LocalDate to) {
	}

	/** A deadline as leadership sees it. */
	record DeadlineView(String id, String kind, String processKey, String taskKey, String title, String caseRef,
			String agencyCode, String agencyName, Instant dueAt, LocalDate due, DueStatus status, int workingDaysLeft,
			int urgeCount) {
	}

	/** The first due day that is still green today: four working days ahead. */
	private LocalDate greenFrom(LocalDate today) {
		return this.calendar.addWorkingDays(today, DueStatus.YELLOW_THRESHOLD + 1).date();
	}

	SqlWhere where(DeadlineFilter filter) {
		LocalDate today = Now.today();
		LocalDate green = greenFrom(today);
		SqlWhere where = new SqlWhere().equal("d.outcome", Deadline.OPEN)
			.equal("d.agency_code", filter.agency())
			.equal("d.process_key", filter.process())
			.equal("d.case_ref", filter.caseRef())
			.when(filter.from() != null, "d.due_on >= :from",
					Map.of("from", (filter.from() != null) ? filter.from() : today))
			.when(filter.to() != null, "d.due_on <= :to", Map.of("to", (filter.to() != null) ? filter.to() : today));
		if (filter.status() != null) {
			switch (filter.status()) {
				case RED -> where.when(true, "d.due_on < :today", Map.of("today", today));
				case YELLOW -> where.when(true, "d.due_on >= :today and d.due_on < :green",
						Map.of("today", today, "green", green));
				case GREEN -> where.when(true, "d.due_on >= :green", Map.of("green", green));
			}
		}
		return where;
	}

	/**
	 * Totals of the deadline list are exact up to this many; beyond, the page says so.
	 */
	static final int COUNT_CAP = 10_000;

	/**
	 * A page of deadlines; {@code totalCapped} when there are more than {@code total} of
	 * them.
	 */
	record DeadlinePage(List<DeadlineView> items, int page, int size, long total, boolean totalCapped) {
	}

	DeadlinePage deadlines(DeadlineFilter filter, Page.Request request) {
		SqlWhere where = where(filter);
		List<DeadlineView> items = this.deadlines
			.list(where, " order by d.due_on, d.due_at, d.id" + SqlWhere.page(request))
			.stream()
			.map(this::view)
			.toList();
		long total = this.deadlines.count(where, COUNT_CAP);
		return new DeadlinePage(items, request.page(), request.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP);
	}

	/**
	 * Every open deadline matching the filter, most urgent first, for the Excel export.
	 */
	List<DeadlineView> all(DeadlineFilter filter, int limit) {
		return this.deadlines
			.list(where(filter),
					" order by d.due_on, d.due_at, d.id" + " offset 0 rows fetch next " + limit + " rows only")
			.stream()
			.map(this::view)
			.toList();
	}

	DeadlineView view(Deadline d) {
		LocalDate today = Now.today();
		return new DeadlineView(d.id(), d.kind(), d.processKey(), d.taskKey(), d.title(), d.caseRef(), d.agencyCode(),
				this.agencies.name(d.agencyCode()), d.dueAt(), d.dueOn(), this.calendar.statusOf(d.dueOn(), today),
				this.calendar.workingDaysBetween(today, d.dueOn()), d.urgeCount());
	}

	/** The summary of the dashboard. */
	record Summary(LocalDate today, List<AgencyRow> agencies, List<DeadlineView> mostOverdue) {
	}

	/**
	 * One agency's line: open deadlines by colour, timeliness in the period, average
	 * lateness.
	 */
	record AgencyRow(String agencyCode, String agencyName, long red, long yellow, long green, long closedInPeriod,
			long lateInPeriod, Double onTimeRate, Double averageWorkingDaysLate) {
	}

	Summary summary(LocalDate from, LocalDate to) {
		LocalDate today = Now.today();
		LocalDate green = greenFrom(today);
		Map<String, long[]> rows = new LinkedHashMap<>();
		Map<String, double[]> lateness = new LinkedHashMap<>();
		Map<LocalDate, Integer> daysLate = new HashMap<>();
		for (DeadlineRepository.AgencyDay day : this.deadlines.openByAgencyAndDay()) {
			String code = key(day.agencyCode());
			long[] row = rows.computeIfAbsent(code, (k) -> new long[5]);
			int colour = day.dueOn().isBefore(today) ? 0 : day.dueOn().isBefore(green) ? 1 : 2;
			row[colour] += day.count();
			if (colour == 0) {
				int late = daysLate.computeIfAbsent(day.dueOn(),
						(due) -> Math.max(0, this.calendar.workingDaysBetween(due, today)));
				double[] sum = lateness.computeIfAbsent(code, (k) -> new double[2]);
				sum[0] += (double) late * day.count();
				sum[1] += day.count();
			}
		}
		for (DeadlineRepository.AgencyTimeliness t : this.deadlines.timeliness(from.atStartOfDay(Now.ZONE).toInstant(),
				to.plusDays(1).atStartOfDay(Now.ZONE).toInstant())) {
			long[] row = rows.computeIfAbsent(key(t.agencyCode()), (k) -> new long[5]);
			row[3] = t.closed();
			row[4] = t.late();
		}
		closedLateness(from, to, lateness);
		List<AgencyRow> agencies = new ArrayList<>();
		rows.forEach((code, row) -> {
			double[] late = lateness.get(code);
			agencies.add(new AgencyRow(code.isEmpty() ? null : code, this.agencies.name(code), row[0], row[1], row[2],
					row[3], row[4], (row[3] > 0) ? (double) (row[3] - row[4]) / row[3] : null,
					(late != null && late[1] > 0) ? late[0] / late[1] : null));
		});
		agencies.sort(Comparator.comparingLong(AgencyRow::red)
			.reversed()
			.thenComparing(AgencyRow::agencyCode, Comparator.nullsLast(Comparator.naturalOrder())));
		List<DeadlineView> mostOverdue = this.deadlines
			.list(new SqlWhere().equal("d.outcome", Deadline.OPEN)
				.when(true, "d.due_on < :today", Map.of("today", today)),
					" order by d.due_on, d.due_at, d.id offset 0 rows fetch next 10 rows only")
			.stream()
			.map(this::view)
			.toList();
		return new Summary(today, agencies, mostOverdue);
	}

	/** Adds the working days late of deadlines closed late in the period. */
	private void closedLateness(LocalDate from, LocalDate to, Map<String, double[]> lateness) {
		this.jdbc.sql("""
				select agency_code, due_on, closed_at from deadline
				where outcome <> 'OPEN' and closed_at > due_at and closed_at >= :from and closed_at < :to""")
			.param("from", Rows.timestamp(from.atStartOfDay(Now.ZONE).toInstant()))
			.param("to", Rows.timestamp(to.plusDays(1).atStartOfDay(Now.ZONE).toInstant()))
			.query((rs) -> {
				LocalDate due = rs.getObject("due_on", LocalDate.class);
				LocalDate closed = rs.getTimestamp("closed_at").toInstant().atZone(Now.ZONE).toLocalDate();
				double[] sum = lateness.computeIfAbsent(key(rs.getString("agency_code")), (k) -> new double[2]);
				sum[0] += Math.max(0, this.calendar.workingDaysBetween(due, closed));
				sum[1]++;
			});
	}

	private static String key(String agencyCode) {
		return (agencyCode != null) ? agencyCode : "";
	}

	/**
	 * An urge (催办) on an open deadline: recorded, counted, sent to the agency, noted on
	 * the task.
	 */
	@Transactional
	public DeadlineView urge(String deadlineId, String reason, Actor actor) {
		new Validation().requireText(reason, "reason")
			.require(reason == null || reason.length() <= 1000, "reason", "validation.tooLong")
			.throwIfInvalid();
		Deadline deadline = this.deadlines.find(deadlineId)
			.filter((d) -> Deadline.OPEN.equals(d.outcome()))
			.orElseThrow(ApiException::notFound);
		this.jdbc.sql("""
				insert into urge (id, deadline_id, urged_by, urged_agency, target_agency, reason, urged_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(RowIds.next(), deadlineId, actor.username(), actor.agencyCode(), deadline.agencyCode(),
					reason.trim(), Rows.timestamp(Now.instant()))
			.update();
		this.deadlines.urged(deadlineId);
		String message = "【催办】" + actor.displayName() + "：" + reason.trim();
		Role role = (deadline.candidateGroup() != null && deadline.candidateGroup().contains(":"))
				? Role.valueOf(deadline.candidateGroup().split(":")[1]) : null;
		this.notifications.notifyAgency(deadline.agencyCode(), role, "URGE", "催办：" + deadline.title(), message,
				deadline.caseRef(), DeadlineListener.TASK.equals(deadline.kind()) ? taskId(deadline) : null);
		if (DeadlineListener.TASK.equals(deadline.kind())) {
			this.taskNotes.comment(taskId(deadline), actor.username(), message);
		}
		this.audit.record("DEADLINE_URGED", "DEADLINE", deadlineId, deadline.caseRef(),
				deadline.agencyCode() + " " + deadline.title() + "：" + reason.trim());
		return view(this.deadlines.find(deadlineId).orElseThrow());
	}

	private static String taskId(Deadline deadline) {
		return deadline.id().substring(DeadlineListener.TASK.length() + 1);
	}

}
