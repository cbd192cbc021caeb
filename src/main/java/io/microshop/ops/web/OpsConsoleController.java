package io.microshop.ops.web;

import io.microshop.ledger.Ledger;
import io.microshop.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator console; operators only (the page security rules guard {@code /ops/**}). */
@PageController
class OpsConsoleController {

	private final Ledger ledger;

	private final io.microshop.platform.audit.AuditLog audit;

	OpsConsoleController(Ledger ledger, io.microshop.platform.audit.AuditLog audit) {
		this.ledger = ledger;
		this.audit = audit;
	}

	@GetMapping("/ops")
	String console(Model model) {
		model.addAttribute("trial", ledger.trialBalance());
		model.addAttribute("audit", audit.page(io.microshop.platform.PageRequest.of(0, 20)).items());
		return "ops/console";
	}

}
