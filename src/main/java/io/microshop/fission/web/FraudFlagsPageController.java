package io.microshop.fission.web;

import java.util.UUID;

import io.microshop.fission.FraudFlags;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's queue of open fraud flags, newest first, each with a form to dismiss it with
 * a reason. Operators only: the page security rules guard {@code /ops/**}.
 */
@PageController
class FraudFlagsPageController {

	private final FraudFlags flags;

	private final PageText text;

	FraudFlagsPageController(FraudFlags flags, PageText text) {
		this.flags = flags;
		this.text = text;
	}

	@GetMapping("/ops/fraud-flags")
	String queue(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("flags", flags.page("OPEN", PageRequest.of(page, 50)));
		return "fission/ops-fraud-flags";
	}

	@PostMapping("/ops/fraud-flags/{flagId}/dismissal")
	String dismiss(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID flagId,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		try {
			FraudFlags.Flag flag = flags.dismiss(flagId, reason, me);
			flash.addFlashAttribute("notice", text.get("ops.flags.dismissed", flag.kind(), flag.orderId().toString()));
		}
		catch (Problem problem) {
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:/ops/fraud-flags";
	}

}
