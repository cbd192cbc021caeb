package io.microshop.shop.web;

import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.shop.Shop;
import io.microshop.shop.ShopUpdates;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages around shop updates: following, unfollowing and muting a shop (buttons on the
 * shop page and the feed), the fan's feed {@code /my/feed}, and the seller's composer on the
 * console.
 */
@PageController
class FeedPagesController {

	private final ShopUpdates updates;

	private final Shops shops;

	private final PageText pageText;

	FeedPagesController(ShopUpdates updates, Shops shops, PageText pageText) {
		this.pageText = pageText;
		this.updates = updates;
		this.shops = shops;
	}

	@GetMapping("/my/feed")
	String feed(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String page,
			Model model) {
		model.addAttribute("feed", updates.feed(me, new PageRequest(FormValues.page(page), 20)));
		model.addAttribute("following", updates.followedBy(me));
		return "shop/feed";
	}

	/** One form per button: {@code action} is follow, unfollow, mute or unmute. */
	@PostMapping("/my/follows/{shopId}")
	String follow(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String shopId,
			@RequestParam(required = false) String action, @RequestParam(required = false) String back,
			RedirectAttributes flash) {
		Shop shop = FormValues.uuid(shopId).flatMap(shops::shop).orElseThrow(() -> Problem.notFound("This shop"));
		String notice = switch (action == null ? "" : action) {
			case "follow" -> {
				updates.follow(shop.id(), me);
				yield pageText.get("feed.notice.followed", shop.name());
			}
			case "unfollow" -> {
				updates.unfollow(shop.id(), me);
				yield pageText.get("feed.notice.unfollowed", shop.name());
			}
			case "mute", "unmute" -> {
				updates.mute(shop.id(), me, "mute".equals(action));
				yield pageText.get("mute".equals(action) ? "feed.notice.muted" : "feed.notice.unmuted", shop.name());
			}
			default -> throw new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-request",
					"Invalid request", pageText.get("feed.error.badAction"));
		};
		flash.addFlashAttribute("notice", notice);
		return "redirect:" + ("feed".equals(back) ? "/my/feed" : shop.url());
	}

	/** The seller's composer: posts an update, or says why not (the day's cap, the length). */
	@PostMapping("/seller/updates")
	String post(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			@RequestParam(required = false) String text, RedirectAttributes flash) {
		UUID shopId = FormValues.uuid(shop).orElseThrow(() -> Problem.notFound("The shop"));
		flash.addAttribute("shop", shopId);
		try {
			ShopUpdates.Posted posted = updates.post(shopId, me, text);
			flash.addFlashAttribute("notice",
					pageText.get("feed.notice.posted", posted.quota().remainingToday(), posted.quota().cap()));
		}
		catch (Problem problem) {
			if (problem.status().value() == 403 || problem.status().value() == 404) {
				throw problem;
			}
			flash.addFlashAttribute("error", PageMessages.of(problem));
			flash.addFlashAttribute("updateText", text != null && text.length() <= 2 * ShopUpdates.MAX_TEXT ? text : null);
		}
		return "redirect:/seller";
	}

}
