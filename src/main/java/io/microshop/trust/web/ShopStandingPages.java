package io.microshop.trust.web;

import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.trust.ShopStanding;
import io.microshop.trust.Suspensions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's queue of suspended shops, each with its reason, complaint rate and a
 * reinstate form; operators only (the page security rules guard {@code /ops/**}).
 */
@PageController
class ShopStandingPages {

	private final Suspensions suspensions;

	private final PageText text;

	ShopStandingPages(Suspensions suspensions, PageText text) {
		this.suspensions = suspensions;
		this.text = text;
	}

	@GetMapping("/ops/shops")
	String suspended(@RequestParam(required = false) String page, Model model) {
		model.addAttribute("shops", suspensions.page(true, new PageRequest(FormValues.page(page), 20)));
		return "trust/suspended-shops";
	}

	@PostMapping("/ops/shops/{shopId}/reinstatement")
	String reinstate(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		try {
			ShopStanding shop = suspensions.reinstate(shopId, me, reason);
			flash.addFlashAttribute("notice", text.get("ops.shops.reinstated", shop.name()));
		}
		catch (Problem problem) {
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:/ops/shops";
	}

}
