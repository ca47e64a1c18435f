package org.antifraud.discipline.internal;

import org.antifraud.document.IssuedLetter;
import org.antifraud.discipline.FilingRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.common.ApiException;
import org.antifraud.common.Identifiers;
import org.antifraud.common.Now;
import org.antifraud.common.NumberSequences;
import org.antifraud.common.RowIds;
import org.antifraud.discipline.CaseStatus;
import org.antifraud.discipline.DisciplineCategory;
import org.antifraud.discipline.DisciplineDecided;
import org.antifraud.discipline.DisciplineProperties;
import org.antifraud.discipline.JointDisciplineProcess;
import org.antifraud.discipline.Measure;
import org.antifraud.security.Actor;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files determinations, decides measures and term, and activates discipline: a new term
 * with execution orders, or the extension of a term the subject is already serving.
 */
@Service
class DisciplineService {

	static final String ENTITY = "DISCIPLINE_CASE";

	private final DisciplineRepository cases;

	private final FilingValidator validator;

	private final AgencyDirectory agencies;

	private final NumberSequences numbers;

	private final RuntimeService runtime;

	private final MeasuresTable measuresTable;

	private final OrderService orders;

	private final DisciplineProperties properties;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final DisciplineLetters letters;

	DisciplineService(DisciplineRepository cases, FilingValidator validator, AgencyDirectory agencies,
			NumberSequences numbers, RuntimeService runtime, MeasuresTable measuresTable, OrderService orders,
			DisciplineProperties properties, AuditTrail audit, ApplicationEventPublisher events,
			DisciplineLetters letters) {
		this.cases = cases;
		this.validator = validator;
		this.agencies = agencies;
		this.numbers = numbers;
		this.runtime = runtime;
		this.measuresTable = measuresTable;
		this.orders = orders;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.letters = letters;
	}

	/** Files a determination and starts its review. */
	@Transactional
	public DisciplineCase file(FilingRequest request, Actor actor) {
		Agency branch = filingBranch(actor);
		List<Instrument> instruments = this.validator.validate(request);
		Agency city = this.agencies.ancestor(branch.code(), AgencyType.CITY_POLICE).orElseThrow();
		Agency province = this.agencies.ancestor(branch.code(), AgencyType.PROVINCIAL_POLICE).orElseThrow();
		DisciplineCategory category = DisciplineCategory.valueOf(request.category().trim());
		int times = (request.timesCount() != null) ? request.timesCount() : 0;
		int counterparties = (request.counterpartiesCount() != null) ? request.counterpartiesCount() : 0;
		int threshold = this.properties.threshold();
		boolean below = category == DisciplineCategory.POLICE_DETERMINED && instruments.size() < threshold
				&& times < threshold && counterparties < threshold;
		String caseNumber = String.format("%s-%d-%05d", branch.code(), Now.today().getYear(),
				this.numbers.nextThisYear("discipline-case", branch.code()));
		String phone = (request.subject().phone() != null && !request.subject().phone().isBlank())
				? request.subject().phone().trim() : null;
		DisciplineCase c = new DisciplineCase(RowIds.next(), caseNumber, CaseStatus.UNDER_REVIEW, category,
				request.subject().name().trim(), Identifiers.normalizeResidentId(request.subject().idNumber()), phone,
				request.basis().documentNumber().trim(), request.basis().decidedOn(), request.basis().summary().trim(),
				times, counterparties, below, branch.code(), city.code(), actor.username(), Now.instant(), null, null,
				false, null, null, null, null, null, null, null, null, null, null, null, null);
		this.cases.insert(c, instruments);
		VariableMap variables = Variables.createVariables()
			.putValue(JointDisciplineProcess.VAR_CASE_ID, c.id())
			.putValue(JointDisciplineProcess.VAR_OFFICER_GROUP, Actor.group(branch.code(), Role.POLICE_OFFICER))
			.putValue(JointDisciplineProcess.VAR_LEGAL_GROUP, Actor.group(branch.code(), Role.POLICE_LEGAL))
			.putValue(JointDisciplineProcess.VAR_LEADER_GROUP, Actor.group(city.code(), Role.POLICE_LEADER))
			.putValue(JointDisciplineProcess.VAR_PROVINCE_GROUP, Actor.group(province.code(), Role.POLICE_LEADER))
			.putValue(JointDisciplineProcess.VAR_BELOW_THRESHOLD, below);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(JointDisciplineProcess.KEY, c.id(),
				variables);
		this.cases.processInstance(c.id(), instance.getId());
		this.audit.record("CASE_FILED", ENTITY, c.id(), c.id(),
				caseNumber + " " + category + (below ? "（低于认定标准，需省厅审批）" : ""));
		return c;
	}

	/**
	 * The police branch filing as {@code actor}; 403 unless a district or city officer.
	 */
	Agency filingBranch(Actor actor) {
		Agency branch = this.agencies.find(actor.agencyCode()).orElseThrow();
		if (!actor.has(Role.POLICE_OFFICER)
				|| (branch.type() != AgencyType.DISTRICT_POLICE && branch.type() != AgencyType.CITY_POLICE)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "discipline.onlyPoliceMayFile");
		}
		return branch;
	}

	/**
	 * Evaluates the DisciplineMeasures table for the case's category and records the
	 * outcome.
	 */
	@Transactional
	public void determineMeasures(String caseId) {
		DisciplineCase c = this.cases.lock(caseId);
		MeasuresTable.Outcome outcome = this.measuresTable.outcome(c.category());
		List<Measure> measures = outcome.measures();
		int termYears = outcome.termYears();
		boolean dishonest = outcome.dishonestList();
		this.cases.measures(caseId, Measure.join(measures), termYears, dishonest, Now.instant());
		this.audit.record("MEASURES_DETERMINED", ENTITY, caseId, caseId,
				Measure.join(measures) + "；期限" + termYears + "年");
		// the notice is issued now, so the officer who serves it can print it
		IssuedLetter notice = this.letters.notice(this.cases.lock(caseId));
		notice.whenNumbered((number) -> this.cases.notice(caseId, number, null));
	}

	/**
	 * Starts the term and sends execution orders, or, when the subject is already under
	 * discipline, extends that term (never past the continuous maximum) and merges this
	 * case.
	 * @return the process variables for the next steps
	 */
	@Transactional
	public Map<String, Object> activate(String caseId) {
		DisciplineCase c = this.cases.lock(caseId);
		LocalDate start = termStart(c);
		LocalDate end = start.plusYears(c.termYears());
		Map<String, Object> variables = new HashMap<>();
		DisciplineCase current = this.cases.findInTerm(c.subjectIdNumber(), caseId)
			.map((found) -> this.cases.lock(found.id()))
			.orElse(null);
		if (current != null) {
			LocalDate cap = current.continuousStart().plusYears(this.properties.maxContinuousYears());
			LocalDate extended = end.isAfter(current.termEnd()) ? end : current.termEnd();
			extended = extended.isAfter(cap) ? cap : extended;
			List<Measure> measures = new ArrayList<>(Measure.parse(current.measures()));
			measures.addAll(Measure.parse(c.measures()));
			this.cases.extendTerm(current.id(), extended, Measure.join(measures),
					current.dishonestList() || c.dishonestList());
			this.events.publishEvent(new DisciplineDecided(current.id(), current.caseNumber(), current.filingAgency(),
					current.termStart(), extended));
			this.cases.merged(caseId, current.id(), extended);
			this.orders.extendTerm(current, extended);
			this.audit.record("TERM_EXTENDED", ENTITY, current.id(), current.id(),
					"因" + c.caseNumber() + "再次列入惩戒，惩戒期至" + extended + (extended.equals(cap) ? "（已达连续惩戒上限）" : ""));
			this.audit.record("CASE_MERGED", ENTITY, caseId, caseId, "并入" + current.caseNumber());
			variables.put(JointDisciplineProcess.VAR_MERGED, true);
			return variables;
		}
		this.cases.term(caseId, start, end, start, CaseStatus.EXECUTING);
		variables.putAll(this.orders.issueExecution(c));
		variables.put(JointDisciplineProcess.VAR_MERGED, false);
		variables.put(JointDisciplineProcess.VAR_TERM_ENDS_AT, OrderService.endOf(end));
		this.audit.record("DISCIPLINE_STARTED", ENTITY, caseId, caseId, "惩戒期" + start + "至" + end);
		this.events.publishEvent(new DisciplineDecided(caseId, c.caseNumber(), c.filingAgency(), start, end));
		return variables;
	}

	/** All institutions have answered: the term runs. */
	@Transactional
	public void markActive(String caseId) {
		DisciplineCase c = this.cases.lock(caseId);
		if (c.status() == CaseStatus.EXECUTING) {
			this.cases.status(caseId, CaseStatus.ACTIVE);
			this.audit.record("DISCIPLINE_ACTIVE", ENTITY, caseId, caseId, "各机构已反馈协助执行结果");
		}
	}

	@Transactional
	public void close(String caseId) {
		this.cases.closed(caseId, CaseStatus.CLOSED, Now.instant());
		this.audit.record("CASE_CLOSED", ENTITY, caseId, caseId, "解除惩戒完成，案件办结");
	}

	private LocalDate termStart(DisciplineCase c) {
		return switch (this.properties.termStart()) {
			case BASIS_DECIDED -> c.basisDecidedOn();
			case APPROVED -> c.approvedAt().atZone(Now.ZONE).toLocalDate();
			case NOTICE_SERVED -> c.noticeServedOn();
		};
	}

}
