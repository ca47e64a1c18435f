package org.antifraud.discipline.internal;

import java.util.List;

import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;
import org.antifraud.security.Actor;

import org.springframework.stereotype.Component;

/**
 * The data scope of discipline cases: who sees a case, which of its orders, and who sees
 * the subject's full resident ID.
 */
@Component
class CaseAccess {

	private final AgencyDirectory agencies;

	CaseAccess(AgencyDirectory agencies) {
		this.agencies = agencies;
	}

	/**
	 * Police agencies that decide on the case: the filing branch, its city bureau, and
	 * the province when needed.
	 */
	boolean isDeciding(DisciplineCase c, Actor actor) {
		String agency = actor.agencyCode();
		if (agency.equals(c.filingAgency()) || agency.equals(c.approvingAgency())) {
			return true;
		}
		return c.belowThreshold() && this.agencies.ancestor(c.filingAgency(), AgencyType.PROVINCIAL_POLICE)
			.map((province) -> province.code().equals(agency))
			.orElse(false);
	}

	boolean isExecuting(Actor actor, List<ExecutionOrder> orders) {
		return orders.stream().anyMatch((order) -> order.institutionCode().equals(actor.agencyCode()));
	}

	boolean canSee(DisciplineCase c, Actor actor, List<ExecutionOrder> orders) {
		return actor.readsEverything() || isDeciding(c, actor) || isExecuting(actor, orders);
	}

	/**
	 * Only the filing branch and the institutions that must execute see the full resident
	 * ID.
	 */
	boolean seesFullId(DisciplineCase c, Actor actor, List<ExecutionOrder> orders) {
		return actor.agencyCode().equals(c.filingAgency()) || isExecuting(actor, orders);
	}

	/**
	 * Orders the actor may see: all for deciding agencies and supervisors, else their
	 * own.
	 */
	List<ExecutionOrder> visibleOrders(DisciplineCase c, Actor actor, List<ExecutionOrder> orders) {
		if (actor.readsEverything() || isDeciding(c, actor)) {
			return orders;
		}
		return orders.stream().filter((order) -> order.institutionCode().equals(actor.agencyCode())).toList();
	}

	/**
	 * SQL condition restricting a case list to the actor's scope, with the agency bound
	 * to {@code :agency}: the deciding police agencies (the province for below-threshold
	 * cases of its branches) and the institutions holding an order of the case.
	 */
	String listCondition() {
		return "(c.filing_agency = :agency or c.approving_agency = :agency"
				+ " or (c.below_threshold = true and exists (select 1 from agency b join agency city"
				+ " on city.code = b.parent_code where b.code = c.filing_agency and city.parent_code = :agency))"
				+ " or exists (select 1 from execution_order o where o.case_id = c.id and o.institution_code = :agency))";
	}

}
