package io.microshop.ops.web;

import io.microshop.ledger.Ledger;
import io.microshop.ledger.TrialBalance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators only (enforced by the API security rules for {@code /api/v1/ops/**}). */
@RestController
class LedgerOpsController {

	private final Ledger ledger;

	LedgerOpsController(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/api/v1/ops/ledger/trial-balance")
	TrialBalance trialBalance() {
		return ledger.trialBalance();
	}

}
