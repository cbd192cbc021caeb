package io.microshop.trust.web;

import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.trust.Verification;
import io.microshop.trust.Verifications;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operators' verification queue (the page security rules guard {@code /ops/**}). */
@PageController
class OpsVerificationPagesController {

	private final Verifications verifications;

	private final PageText text;

	OpsVerificationPagesController(Verifications verifications, PageText text) {
		this.verifications = verifications;
		this.text = text;
	}

	@GetMapping("/ops/verifications")
	String queue(@RequestParam(required = false) String page, Model model) {
		model.addAttribute("queue",
				verifications.queue(Verification.Status.PENDING, PageRequest.of(FormValues.page(page), 20)));
		return "trust/ops-verifications";
	}

	@PostMapping("/ops/verifications/{verificationId}/decision")
	String decide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID verificationId,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		try {
			if (!"approve".equals(decision) && !"reject".equals(decision)) {
				throw Problem.invalidField("decision", "Choose approve or reject.");
			}
			var decided = verifications.decide(verificationId, me, "approve".equals(decision), reason);
			flash.addFlashAttribute("notice",
					text.get("ops.verifications." + decided.status().name(), decided.legalName()));
		}
		catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:/ops/verifications";
	}

	@GetMapping("/ops/verifications/{verificationId}/documents/{documentId}")
	ResponseEntity<byte[]> document(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID verificationId,
			@PathVariable UUID documentId) {
		return VerificationPagesController.DocumentResponses.of(verifications.document(verificationId, documentId, me));
	}

}
