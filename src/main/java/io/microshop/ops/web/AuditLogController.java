package io.microshop.ops.web;

import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.audit.AuditLog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' audit log, newest first (operators only, by the API rules for {@code /api/v1/ops/**}). */
@RestController
class AuditLogController {

	private final AuditLog audit;

	AuditLogController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/ops/audit-log")
	PageOf<AuditLog.Entry> entries(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return audit.page(PageRequest.of(page, size));
	}

}
