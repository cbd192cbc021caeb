package io.microshop.fission.web;

import io.microshop.fission.FraudFlags;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators only: the API security rules guard {@code /api/v1/ops/**}. */
@RestController
class FraudFlagsController {

	private final FraudFlags flags;

	FraudFlagsController(FraudFlags flags) {
		this.flags = flags;
	}

	@GetMapping("/api/v1/ops/fraud-flags")
	PageOf<FraudFlags.Flag> flags(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return flags.page(PageRequest.of(page, size));
	}

}
