package org.antifraud.discipline.internal;

import org.antifraud.discipline.Determinations;
import org.antifraud.discipline.FilingRequest;
import org.antifraud.security.Actor;

import org.springframework.stereotype.Service;

/**
 * Determinations filed by other modules go through the same checks and service as the
 * API.
 */
@Service
class DeterminationFilings implements Determinations {

	private final DisciplineService service;

	private final FilingValidator validator;

	DeterminationFilings(DisciplineService service, FilingValidator validator) {
		this.service = service;
		this.validator = validator;
	}

	@Override
	public void validate(FilingRequest request, Actor actor) {
		this.service.filingBranch(actor);
		this.validator.validate(request);
	}

	@Override
	public String file(FilingRequest request, Actor actor) {
		return this.service.file(request, actor).id();
	}

}
