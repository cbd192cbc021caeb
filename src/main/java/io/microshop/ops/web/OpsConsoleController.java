package io.microshop.ops.web;

import io.microshop.ledger.Ledger;
import io.microshop.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operator console; operators only (the page security rules guard {@code /ops/**}). */
@PageController
class OpsConsoleController {

	private final Ledger ledger;

	OpsConsoleController(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/ops")
	String console(Model model) {
		model.addAttribute("trial", ledger.trialBalance());
		return "ops/console";
	}

}
