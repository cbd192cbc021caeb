package io.microshop.trust.web;

import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.trust.ShopStanding;
import io.microshop.trust.Suspensions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators only (enforced by the API security rules for {@code /api/v1/ops/**}). */
@RestController
class ShopStandingController {

	private final Suspensions suspensions;

	ShopStandingController(Suspensions suspensions) {
		this.suspensions = suspensions;
	}

	/** {@code ?suspended=true}: the queue of suspended shops; {@code false}: the others; none: all. */
	@GetMapping("/api/v1/ops/shops")
	PageOf<ShopStanding> shops(@RequestParam(required = false) Boolean suspended,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return suspensions.page(suspended, PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/ops/shops/{shopId}/reinstatement")
	ShopStanding reinstate(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@RequestBody Why body) {
		return suspensions.reinstate(shopId, me, body.reason());
	}

	@PostMapping("/api/v1/ops/shops/{shopId}/suspension")
	ShopStanding suspend(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@RequestBody Why body) {
		return suspensions.suspend(shopId, me, body.reason());
	}

	record Why(String reason) {
	}

}
