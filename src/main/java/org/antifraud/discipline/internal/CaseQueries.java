package org.antifraud.discipline.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.Objects;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.audit.AuditEntry;
import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Identifiers;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.ProblemResponses;
import org.antifraud.common.SqlWhere;
import org.antifraud.discipline.Measure;
import org.antifraud.discipline.OrderStatus;
import org.antifraud.security.Actor;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads discipline cases and orders within the caller's data scope. Whoever receives a
 * full resident ID is recorded in the audit trail.
 */
@Component
class CaseQueries {

	private final DisciplineRepository cases;

	private final OrderRepository orders;

	private final AppealRepository appeals;

	private final CaseAccess access;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ProblemResponses messages;

	private final JdbcClient jdbc;

	CaseQueries(DisciplineRepository cases, OrderRepository orders, AppealRepository appeals, CaseAccess access,
			AgencyDirectory agencies, WorkingDayCalendar calendar, RuntimeService runtime, AuditTrail audit,
			ProblemResponses messages, JdbcClient jdbc) {
		this.cases = cases;
		this.orders = orders;
		this.appeals = appeals;
		this.access = access;
		this.agencies = agencies;
		this.calendar = calendar;
		this.runtime = runtime;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Transactional
	public CaseViews.Detail detail(String id, Actor actor) {
		DisciplineCase c = this.cases.find(id).orElseThrow(ApiException::notFound);
		List<ExecutionOrder> all = this.orders.ofCase(id);
		if (!this.access.canSee(c, actor, all)) {
			throw ApiException.notFound();
		}
		boolean full = this.access.seesFullId(c, actor, all);
		if (full) {
			this.audit.record("ID_REVEALED", DisciplineService.ENTITY, id, id, "查看案件详情");
		}
		List<ExecutionOrder> visible = this.access.visibleOrders(c, actor, all);
		boolean institutionView = !actor.readsEverything() && !this.access.isDeciding(c, actor);
		Set<String> visibleIds = visible.stream().map(ExecutionOrder::id).collect(Collectors.toSet());
		List<AuditEntry> timeline = this.audit.timeline(id)
			.stream()
			.filter((entry) -> !institutionView || actor.agencyCode().equals(entry.agencyCode())
					|| DisciplineService.ENTITY.equals(entry.entityType()) || visibleIds.contains(entry.entityId()))
			.toList();
		Locale locale = LocaleContextHolder.getLocale();
		return new CaseViews.Detail(c.id(), c.caseNumber(), c.status().name(), c.category().name(),
				new CaseViews.Subject(c.subjectName(),
						full ? c.subjectIdNumber() : Identifiers.maskResidentId(c.subjectIdNumber()),
						full ? c.subjectPhone() : Identifiers.maskPhone(c.subjectPhone()), !full),
				new CaseViews.Basis(c.basisDocumentNumber(), c.basisDecidedOn(), c.basisSummary()), c.belowThreshold(),
				c.filingAgency(), c.approvingAgency(), c.filedBy(), c.filedAt(), c.lastOpinion(),
				Measure.parse(c.measures())
					.stream()
					.map((m) -> new CaseViews.MeasureView(m.name(),
							this.messages.message("measure." + m.name(), null, locale, m.name())))
					.toList(),
				c.dishonestList(), c.termYears(), c.termStart(), c.termEnd(), c.noticeNumber(), c.noticeServedOn(),
				c.extendedCaseId(), c.liftReason(), c.liftedAt(), c.closedAt(),
				this.cases.instruments(id)
					.stream()
					.filter((i) -> !institutionView || i.institutionCode() == null
							|| i.institutionCode().equals(actor.agencyCode()))
					.map((i) -> new CaseViews.InstrumentView(i.type().name(), i.identifier(), i.institutionCode()))
					.toList(),
				views(visible),
				this.appeals.ofCase(id)
					.stream()
					.map((a) -> new CaseViews.AppealView(a.id(), a.status(), a.appellant(), a.grounds(), a.receivedOn(),
							a.acceptDue(), a.acceptanceOpinion(), a.findings(), a.decision(), a.decisionOpinion(),
							a.decidedAt()))
					.toList(),
				this.cases.reviews(id), timeline);
	}

	/** The full resident ID and phone for a caller who sees the case masked; audited. */
	@Transactional
	public CaseViews.Revealed reveal(String id, Actor actor) {
		DisciplineCase c = this.cases.find(id).orElseThrow(ApiException::notFound);
		if (!this.access.canSee(c, actor, this.orders.ofCase(id))) {
			throw ApiException.notFound();
		}
		this.audit.record("ID_REVEALED", DisciplineService.ENTITY, id, id, "申请查看完整身份证号和手机号");
		return new CaseViews.Revealed(c.subjectIdNumber(), c.subjectPhone());
	}

	@Transactional
	public Page<CaseViews.Summary> list(Actor actor, CaseFilter criteria, Page.Request request) {
		String q = (criteria.q() != null) ? criteria.q().trim() : "";
		SqlWhere filter = new SqlWhere()
			.when(!actor.readsEverything(), this.access.listCondition(), Map.of("agency", actor.agencyCode()))
			.equal("c.status", criteria.status())
			.equal("c.category", criteria.category())
			.when(!q.isEmpty(), "(c.case_number = :q or c.subject_name = :q or c.subject_id_number = :q)",
					Map.of("q", q));
		long total = filter.bind(this.jdbc.sql("select count(*) from discipline_case c" + filter.sql()))
			.query(Long.class)
			.single();
		List<DisciplineCase> page = this.cases.page(filter, request);
		Set<String> executing = this.orders.casesWithOrdersFor(actor.agencyCode(),
				page.stream().map(DisciplineCase::id).toList());
		List<CaseViews.Summary> items = page.stream()
			.map((c) -> summary(c, actor.agencyCode().equals(c.filingAgency()) || executing.contains(c.id())))
			.toList();
		return new Page<>(items, request.page(), request.size(), total);
	}

	private CaseViews.Summary summary(DisciplineCase c, boolean full) {
		if (full) {
			this.audit.record("ID_REVEALED", DisciplineService.ENTITY, c.id(), c.id(), "案件列表");
		}
		return new CaseViews.Summary(c.id(), c.caseNumber(), c.status().name(), c.category().name(), c.subjectName(),
				full ? c.subjectIdNumber() : Identifiers.maskResidentId(c.subjectIdNumber()), c.filingAgency(),
				c.filedAt(), c.termEnd());
	}

	/**
	 * Filters of the case list: status, category, and an exact case number, name or
	 * resident ID.
	 */
	record CaseFilter(String status, String category, String q) {
	}

	/**
	 * Orders addressed to the caller's institution (every order for supervisors and the
	 * joint office); {@code overdue} keeps the pending orders whose due day has passed,
	 * {@code caseId} the orders of one case.
	 */
	Page<CaseViews.OrderView> orders(Actor actor, OrderStatus status, boolean overdue, String caseId,
			Page.Request request) {
		SqlWhere filter = new SqlWhere().equal("institution_code", actor.readsEverything() ? null : actor.agencyCode())
			.equal("status", overdue ? OrderStatus.PENDING : status)
			.equal("case_id", caseId)
			.when(overdue, "due_on < :today", Map.of("today", Now.today()));
		List<CaseViews.OrderView> items = views(this.orders.page(filter, request));
		return new Page<>(items, request.page(), request.size(), this.orders.count(filter));
	}

	CaseViews.OrderView order(String id, Actor actor) {
		return this.orders.find(id)
			.filter((order) -> actor.readsEverything() || order.institutionCode().equals(actor.agencyCode()))
			.map((order) -> views(List.of(order)).get(0))
			.orElseThrow(ApiException::notFound);
	}

	/**
	 * Order views with the open task of each pending order, found with one variable query
	 * for the whole list rather than one task query per order.
	 */
	private List<CaseViews.OrderView> views(List<ExecutionOrder> orders) {
		Map<String, String> taskIds = openTasks(orders);
		return orders.stream().map((o) -> view(o, taskIds.get(o.id()))).toList();
	}

	private Map<String, String> openTasks(List<ExecutionOrder> orders) {
		List<String> caseIds = orders.stream()
			.filter((o) -> o.status() == OrderStatus.PENDING)
			.map(ExecutionOrder::caseId)
			.distinct()
			.toList();
		Map<String, String> taskIds = new HashMap<>();
		if (caseIds.isEmpty()) {
			return taskIds;
		}
		String[] instances = this.jdbc.sql("select process_instance_id from discipline_case where id in (:ids)")
			.param("ids", caseIds)
			.query(String.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toArray(String[]::new);
		if (instances.length == 0) {
			return taskIds;
		}
		this.runtime.createVariableInstanceQuery()
			.variableName("orderId")
			.processInstanceIdIn(instances)
			.list()
			.stream()
			.filter((variable) -> variable.getTaskId() != null)
			.forEach((variable) -> taskIds.put(String.valueOf(variable.getValue()), variable.getTaskId()));
		return taskIds;
	}

	private CaseViews.OrderView view(ExecutionOrder o, String taskId) {
		String dueStatus = (o.status() == OrderStatus.PENDING) ? this.calendar.statusOf(o.dueOn(), Now.today()).name()
				: null;
		return new CaseViews.OrderView(o.id(), o.caseId(), o.kind().name(), o.institutionCode(),
				this.agencies.name(o.institutionCode()), o.status().name(), o.dueOn(), dueStatus, o.remindedAt(),
				o.escalatedAt(), (o.outcome() != null) ? o.outcome().name() : null, o.reason(), o.affectedIdentifiers(),
				o.answeredBy(), o.answeredAt(), taskId);
	}

}
