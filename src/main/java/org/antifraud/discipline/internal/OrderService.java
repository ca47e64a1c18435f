package org.antifraud.discipline.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.RowIds;
import org.antifraud.common.TransactionState;
import org.antifraud.common.Validation;
import org.antifraud.discipline.CaseStatus;
import org.antifraud.discipline.DisciplineLifted;
import org.antifraud.discipline.DisciplineProperties;
import org.antifraud.discipline.ExecutionOrderAnswered;
import org.antifraud.discipline.JointDisciplineProcess;
import org.antifraud.discipline.Measure;
import org.antifraud.discipline.OrderKind;
import org.antifraud.discipline.OrderOutcome;
import org.antifraud.discipline.OrderStatus;
import org.antifraud.security.Actor;
import org.antifraud.workflow.DeadlineNotice;
import org.antifraud.workflow.TaskDeadlines;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Execution and lifting orders: who receives them, their working-day deadlines,
 * reminders, escalation and the structured answers. Named {@code executionOrders} for the
 * BPMN model, which asks it for the candidate group of an order's task.
 */
@Service("executionOrders")
public class OrderService {

	static final String ENTITY = "EXECUTION_ORDER";

	/** The key of the orders issued in the current transaction. */
	private static final Object ISSUED = new Object();

	private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	private final OrderRepository orders;

	private final DisciplineRepository cases;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final TaskDeadlines deadlines;

	private final DisciplineProperties properties;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final DisciplineLetters letters;

	OrderService(OrderRepository orders, DisciplineRepository cases, AgencyDirectory agencies,
			WorkingDayCalendar calendar, TaskDeadlines deadlines, DisciplineProperties properties,
			RuntimeService runtime, AuditTrail audit, ApplicationEventPublisher events, DisciplineLetters letters) {
		this.orders = orders;
		this.cases = cases;
		this.agencies = agencies;
		this.calendar = calendar;
		this.deadlines = deadlines;
		this.properties = properties;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
		this.letters = letters;
	}

	/**
	 * The candidate group of the task answering an order: the institution's executing
	 * role.
	 */
	public String candidateGroup(String orderId) {
		String institutionCode = issuedInThisTransaction().get(orderId);
		if (institutionCode == null) {
			institutionCode = this.orders.find(orderId).orElseThrow().institutionCode();
		}
		Agency institution = this.agencies.find(institutionCode).orElseThrow();
		return Actor.group(institution.code(), institution.type().officerRole());
	}

	/**
	 * The institutions of the orders issued in the current transaction, by order: the
	 * step that issues a case's orders opens their tasks right after, and each task's
	 * candidate group is its order's institution, known without reading the order back.
	 */
	private static Map<String, String> issuedInThisTransaction() {
		return TransactionState.kept(ISSUED, HashMap<String, String>::new);
	}

	/**
	 * Every institution in scope of the case's measures plus those holding its
	 * instruments.
	 */
	Set<String> scope(DisciplineCase c) {
		Set<String> codes = new TreeSet<>();
		List<Measure> measures = Measure.parse(c.measures());
		if (measures.stream().anyMatch((measure) -> measure.sector() == Measure.Sector.FINANCE)) {
			add(codes, this.properties.financeInstitutionTypes());
		}
		if (measures.stream().anyMatch((measure) -> measure.sector() == Measure.Sector.TELECOM)) {
			add(codes, this.properties.telecomInstitutionTypes());
		}
		this.cases.instruments(c.id())
			.stream()
			.map(Instrument::institutionCode)
			.filter((code) -> code != null)
			.forEach(codes::add);
		return codes;
	}

	private void add(Set<String> codes, List<AgencyType> types) {
		this.agencies.list(types).forEach((agency) -> codes.add(agency.code()));
	}

	/**
	 * Issues one execution order per institution in scope; returns the process variables.
	 */
	Map<String, Object> issueExecution(DisciplineCase c) {
		LocalDate due = this.deadlines.dueDate("executionOrder");
		Map<String, Object> variables = issue(c.id(), OrderKind.EXECUTION, scope(c), due);
		LocalDate reminderDay = due;
		for (int i = 0; i < this.properties.reminderWorkingDaysBefore(); i++) {
			reminderDay = this.calendar.previousWorkingDay(reminderDay).date();
		}
		if (!reminderDay.isAfter(Now.today())) {
			reminderDay = due;
		}
		variables.put(JointDisciplineProcess.VAR_ORDER_REMINDER_AT,
				Date.from(WorkingDayCalendar.at(reminderDay, REMINDER_TIME)));
		return variables;
	}

	/**
	 * Ends the term: withdraws unanswered execution orders and sends lifting orders to
	 * every institution that received one.
	 */
	@Transactional
	public Map<String, Object> issueLifting(String caseId) {
		DisciplineCase c = this.cases.lock(caseId);
		if (c.status() != CaseStatus.LIFTING) {
			this.cases.lifting(caseId, "EXPIRED", Now.instant());
			this.audit.record("DISCIPLINE_EXPIRED", DisciplineService.ENTITY, caseId, caseId, "惩戒期满，自动解除");
			this.events.publishEvent(new DisciplineLifted(caseId, "EXPIRED"));
		}
		int withdrawn = this.orders.withdrawPending(caseId, OrderKind.EXECUTION);
		Set<String> institutions = new TreeSet<>();
		this.orders.ofCase(caseId)
			.stream()
			.filter((order) -> order.kind() == OrderKind.EXECUTION)
			.forEach((order) -> institutions.add(order.institutionCode()));
		Map<String, Object> variables = issue(caseId, OrderKind.LIFTING, institutions,
				this.deadlines.dueDate("liftingOrder"));
		if (withdrawn > 0) {
			this.audit.record("ORDERS_WITHDRAWN", DisciplineService.ENTITY, caseId, caseId,
					withdrawn + "份未反馈的协助执行通知已撤回");
		}
		return variables;
	}

	private Map<String, Object> issue(String caseId, OrderKind kind, Set<String> institutions, LocalDate due) {
		this.letters.orders(this.cases.find(caseId).orElseThrow(), kind, institutions, due);
		List<ExecutionOrder> issued = institutions.stream()
			.map((institution) -> new ExecutionOrder(RowIds.next(), caseId, kind, institution, OrderStatus.PENDING, due,
					Now.instant(), null, null, null, null, null, null, null))
			.toList();
		this.orders.insert(issued);
		Map<String, String> issuedInThisTransaction = issuedInThisTransaction();
		issued.forEach((order) -> issuedInThisTransaction.put(order.id(), order.institutionCode()));
		List<String> ids = issued.stream().map(ExecutionOrder::id).toList();
		this.audit.record(kind + "_ORDERS_ISSUED", DisciplineService.ENTITY, caseId, caseId,
				"向" + ids.size() + "家机构下发" + ((kind == OrderKind.EXECUTION) ? "协助执行通知" : "解除惩戒通知") + "，反馈期限" + due);
		Map<String, Object> variables = new HashMap<>();
		variables.put(JointDisciplineProcess.VAR_ITEM_IDS, ids);
		variables.put(JointDisciplineProcess.VAR_ORDER_DUE_AT, TaskDeadlines.endOfDay(due));
		return variables;
	}

	/**
	 * Records an institution's answer to its order; the actor must belong to that
	 * institution.
	 */
	void answer(String orderId, Map<String, Object> values, Actor actor) {
		ExecutionOrder order = this.orders.find(orderId)
			.filter((found) -> found.institutionCode().equals(actor.agencyCode()))
			.orElseThrow(ApiException::notFound);
		OrderOutcome outcome = Validation.option(OrderOutcome.class, (String) values.get("outcome"))
			.filter((parsed) -> (order.kind() == OrderKind.EXECUTION ? OrderOutcome.FOR_EXECUTION
					: OrderOutcome.FOR_LIFTING)
				.contains(parsed))
			.orElseThrow(() -> ApiException.invalid("outcome", "validation.notAnOption"));
		String reason = (String) values.get("reason");
		String identifiers = (String) values.get("affectedIdentifiers");
		new Validation().require(!outcome.needsReason() || reason != null, "reason", "order.reasonRequired")
			.require(!outcome.needsIdentifiers() || identifiers != null, "affectedIdentifiers",
					"order.identifiersRequired")
			.throwIfInvalid();
		if (!this.orders.answer(orderId, outcome, reason, identifiers, actor.username(), Now.instant())) {
			throw ApiException.conflict("order.alreadyAnswered");
		}
		this.audit.record("ORDER_ANSWERED", ENTITY, orderId, order.caseId(),
				order.kind() + " " + outcome + ((reason != null) ? "：" + reason : ""));
		this.events.publishEvent(
				new ExecutionOrderAnswered(orderId, order.caseId(), order.institutionCode(), order.kind(), outcome,
						(identifiers != null)
								? identifiers.lines().map(String::trim).filter((line) -> !line.isEmpty()).toList()
								: List.of()));
	}

	@Transactional
	public void remind(String orderId) {
		ExecutionOrder order = this.orders.find(orderId).orElseThrow();
		if (order.status() == OrderStatus.PENDING) {
			this.orders.reminded(orderId, Now.instant());
			this.audit.record("ORDER_REMINDED", ENTITY, orderId, order.caseId(),
					"提醒" + order.institutionCode() + "于" + order.dueOn() + "前反馈");
			this.events.publishEvent(new DeadlineNotice(DeadlineNotice.REMINDER, order.institutionCode(), null,
					"协助执行通知将于" + order.dueOn() + "到期", "请在期限前反馈执行结果", order.caseId()));
		}
	}

	@Transactional
	public void escalate(String orderId) {
		ExecutionOrder order = this.orders.find(orderId).orElseThrow();
		if (order.status() == OrderStatus.PENDING) {
			this.orders.escalated(orderId, Now.instant());
			this.audit.record("ORDER_ESCALATED", ENTITY, orderId, order.caseId(),
					order.institutionCode() + "逾期未反馈（期限" + order.dueOn() + "），已报联席办督办");
			for (Agency office : this.agencies.list(List.of(AgencyType.JOINT_OFFICE))) {
				this.events.publishEvent(new DeadlineNotice(DeadlineNotice.ESCALATION, office.code(), null,
						"协助执行逾期：" + order.institutionCode(), "期限" + order.dueOn() + "，请督办", order.caseId()));
			}
		}
	}

	/** Tells the process of a case in its term that its end moved. */
	void extendTerm(DisciplineCase current, LocalDate end) {
		String instance = current.processInstanceId();
		this.runtime.setVariable(instance, JointDisciplineProcess.VAR_TERM_ENDS_AT, endOf(end));
		boolean waiting = this.runtime.createEventSubscriptionQuery()
			.processInstanceId(instance)
			.eventName(JointDisciplineProcess.MESSAGE_TERM_EXTENDED)
			.count() > 0;
		if (waiting) {
			this.runtime.createMessageCorrelation(JointDisciplineProcess.MESSAGE_TERM_EXTENDED)
				.processInstanceId(instance)
				.correlate();
		}
	}

	/**
	 * The moment a term that ends on {@code day} is over: midnight after it, Beijing
	 * time.
	 */
	static Date endOf(LocalDate day) {
		return Date.from(WorkingDayCalendar.endOf(day));
	}

	List<ExecutionOrder> ofCase(String caseId) {
		return this.orders.ofCase(caseId);
	}

}
