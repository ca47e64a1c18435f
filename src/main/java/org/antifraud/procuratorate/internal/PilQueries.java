package org.antifraud.procuratorate.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.Role;
import org.antifraud.audit.AuditTrail;
import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.ApiException;
import org.antifraud.common.Now;
import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;
import org.antifraud.security.Actor;

import org.springframework.stereotype.Component;

/**
 * Reads public-interest litigation cases within the caller's scope: the procuratorate's
 * own staff, the organ addressed once the filing decision was served on it (without the
 * procuratorate's internal opinions), and supervisors.
 */
@Component
class PilQueries {

	private final PilRepository cases;

	private final AgencyDirectory agencies;

	private final WorkingDayCalendar calendar;

	private final AuditTrail audit;

	PilQueries(PilRepository cases, AgencyDirectory agencies, WorkingDayCalendar calendar, AuditTrail audit) {
		this.cases = cases;
		this.agencies = agencies;
		this.calendar = calendar;
		this.audit = audit;
	}

	static boolean isProcuratorate(PilCase c, Actor actor) {
		return actor.agencyCode().equals(c.procuratorate())
				&& (actor.has(Role.PROCURATOR) || actor.has(Role.CHIEF_PROCURATOR));
	}

	static boolean canSee(PilCase c, Actor actor) {
		return actor.readsEverything() || isProcuratorate(c, actor)
				|| (actor.agencyCode().equals(c.organCode()) && c.servedOnOrgan());
	}

	PilViews.Detail detail(String id, Actor actor) {
		PilCase c = this.cases.find(id).filter((found) -> canSee(found, actor)).orElseThrow(ApiException::notFound);
		boolean internal = actor.readsEverything() || isProcuratorate(c, actor);
		List<PilViews.RecommendationView> recommendations = this.cases.recommendations(id)
			.stream()
			.filter((r) -> internal || r.issuedOn() != null)
			.map((r) -> view(r, internal))
			.toList();
		return new PilViews.Detail(c.id(), c.caseNumber(), c.status(), c.stage(), c.procuratorate(), c.registeredBy(),
				c.registeredAt(), c.source(), c.organCode(), this.agencies.name(c.organCode()), c.track(),
				c.factsOfHarm(), (c.relatedCases() != null) ? Arrays.asList(c.relatedCases().split(",")) : List.of(),
				internal ? c.filingOpinion() : null, c.filedOn(), c.filingServiceDue(), c.filingServedOn(),
				new PilViews.Consultation(c.consultationFacts(), c.consultationStatement(), c.consultationPlan(),
						c.consultationMinutes()),
				recommendations.isEmpty() ? null : recommendations.get(recommendations.size() - 1), recommendations,
				new PilViews.FollowUp(internal ? c.followUpEvidence() : null, c.followUpResult(),
						c.nonPerformanceReason()),
				new PilViews.Litigation(c.noticePublishedOn(), c.noticeEndsOn(), c.noticeMedium(), c.court(),
						c.suitFiledOn(), c.claims(), c.outcome(), c.outcomeOn(), c.outcomeSummary()),
				c.closeReason(), c.closedAt(),
				internal ? this.audit.timeline(id)
						: this.audit.timeline(id)
							.stream()
							.filter((entry) -> !entry.occurredAt()
								.isBefore(c.filingServedOn().atStartOfDay(Now.ZONE).toInstant()))
							.toList());
	}

	Page<PilViews.Summary> list(Actor actor, String stage, String organ, boolean overdue, Page.Request request) {
		SqlWhere filter = new SqlWhere().when(!actor.readsEverything(),
				"((c.procuratorate = :agency and :procurator = true) or (c.organ_code = :agency and c.filing_served_on is not null))",
				Map.of("agency", actor.agencyCode(), "procurator",
						actor.has(Role.PROCURATOR) || actor.has(Role.CHIEF_PROCURATOR)))
			.equal("c.stage", stage)
			.equal("c.organ_code", organ)
			.when(overdue, "c.status = 'OPEN' and exists (select 1 from pil_recommendation r where r.case_id = c.id"
					+ " and r.status = 'ISSUED' and r.response is null and (r.reply_overdue = true or r.reply_due < :today))",
					Map.of("today", Now.today()));
		List<PilViews.Summary> items = this.cases.page(filter, request).stream().map((c) -> {
			List<Recommendation> recs = this.cases.recommendations(c.id());
			Recommendation r = recs.isEmpty() ? null : recs.get(recs.size() - 1);
			return new PilViews.Summary(c.id(), c.caseNumber(), c.status(), c.stage(), c.procuratorate(), c.organCode(),
					this.agencies.name(c.organCode()), c.track(), (r != null) ? r.replyDue() : null,
					r != null && r.replyOverdue(), c.registeredAt());
		}).toList();
		return new Page<>(items, request.page(), request.size(), this.cases.count(filter));
	}

	private PilViews.RecommendationView view(Recommendation r, boolean internal) {
		boolean open = r.replyDue() != null && r.response() == null && "ISSUED".equals(r.status());
		return new PilViews.RecommendationView(r.version(), r.status(), r.documentNumber(), r.caseSource(),
				r.factsOfHarm(), r.nonPerformance(), r.legalBasis(), r.recommendations(), r.urgent(),
				(r.copyTo() != null) ? Arrays.asList(r.copyTo().split(",")) : List.of(),
				internal ? r.approvalOpinion() : null, r.issuedOn(), r.servedOn(), r.serviceMethod(), r.replyDue(),
				r.replyDue() != null && this.calendar.isProvisional(r.replyDue()),
				open ? this.calendar.statusOf(r.replyDue(), Now.today()).name() : null,
				open ? this.calendar.workingDaysBetween(Now.today(), r.replyDue()) : null, r.replyOverdue(),
				r.remindedAt(), new PilViews.Reply(r.response(), r.replyText(), r.rectification(), r.objectionGrounds(),
						r.objectionOutcome(), r.objectionOpinion(), r.repliedAt()));
	}

}
