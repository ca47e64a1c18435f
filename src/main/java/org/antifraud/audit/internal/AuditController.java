package org.antifraud.audit.internal;

import java.util.List;

import org.antifraud.audit.AuditEntry;
import org.antifraud.common.Page;
import org.antifraud.common.SqlWhere;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets administrators read the audit trail and verify its chain.
 */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditWriter writer;

	AuditController(AuditWriter writer) {
		this.writer = writer;
	}

	@GetMapping
	Page<AuditEntry> list(@RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page.Request request = Page.request(page, size);
		SqlWhere filter = new SqlWhere().equal("entity_type", entityType)
			.equal("entity_id", entityId)
			.equal("actor", actor);
		List<AuditEntry> items = this.writer.page(filter, request);
		return new Page<>(items, request.page(), request.size(), this.writer.count(filter));
	}

	@PostMapping("/verify")
	AuditWriter.VerificationResult verify() {
		return this.writer.verify();
	}

}
