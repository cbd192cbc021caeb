package io.microshop.fission.web;

import java.util.UUID;

import io.microshop.fission.FraudFlags;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators only: the API security rules guard {@code /api/v1/ops/**}, the service checks again. */
@RestController
class FraudFlagsController {

	private final FraudFlags flags;

	FraudFlagsController(FraudFlags flags) {
		this.flags = flags;
	}

	@GetMapping("/api/v1/ops/fraud-flags")
	PageOf<FraudFlags.Flag> flags(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return flags.page(status, PageRequest.of(page, size));
	}

	/** The reason is checked by the service (blank: 422), not by Bean Validation (400). */
	@PostMapping("/api/v1/ops/fraud-flags/{flagId}/dismissal")
	FraudFlags.Flag dismiss(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID flagId,
			@RequestBody Dismissal body) {
		return flags.dismiss(flagId, body.reason(), me);
	}

	record Dismissal(String reason) {
	}

}
