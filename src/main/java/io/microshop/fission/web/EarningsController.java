package io.microshop.fission.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.fission.Commissions;
import io.microshop.fission.Promoter;
import io.microshop.fission.Promoters;
import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.Identity;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A promoter's own page: the shops it promotes (its code, level and recruiter), its
 * commissions pending and available as the ledger holds them, every commission item, and a
 * form to join another shop (by the shop's slug, optionally with a recruiter's code).
 */
@PageController
class EarningsController {

	private final Promoters promoters;

	private final Commissions commissions;

	private final Shops shops;

	private final Identity identity;

	private final PageText text;

	EarningsController(Promoters promoters, Commissions commissions, Shops shops, Identity identity, PageText text) {
		this.text = text;
		this.promoters = promoters;
		this.commissions = commissions;
		this.shops = shops;
		this.identity = identity;
	}

	@GetMapping("/my/earnings")
	String earnings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		List<Promoters.Membership> memberships = promoters.memberships(me);
		Commissions.Mine mine = commissions.mine(me);
		Map<UUID, Shop> shopsById = new HashMap<>();
		memberships.stream().filter(m -> m.shop() != null).forEach(m -> shopsById.put(m.shop().id(), m.shop()));
		List<Row> rows = mine.items()
			.stream()
			.map(i -> new Row(i.orderId(), shopName(shopsById, i.shopId()), i.level(), i.amount(), i.status().name(),
					i.createdAt()))
			.toList();
		model.addAttribute("memberships", memberships.stream().map(this::membership).toList());
		model.addAttribute("balance", mine.balance());
		model.addAttribute("items", rows);
		if (!model.containsAttribute("joinShop")) {
			model.addAttribute("joinShop", "");
			model.addAttribute("joinCode", "");
		}
		return "fission/earnings";
	}

	@PostMapping("/my/earnings/join")
	String join(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			@RequestParam(required = false) String recruiterCode, RedirectAttributes flash) {
		String slug = shop == null ? "" : shop.strip();
		try {
			if (slug.isEmpty()) {
				throw Problem.invalidField("shop", text.get("earnings.error.noShop"));
			}
			Shop target = shops.bySlug(slug.replaceFirst("^.*/s/", ""))
				.orElseThrow(() -> Problem.invalidField("shop", text.get("earnings.error.unknownShop", slug)));
			Promoters.Joined joined = promoters.join(me, target.id(), recruiterCode);
			flash.addFlashAttribute("notice",
					text.get("earnings.notice.joined", target.name(), joined.promoter().code()));
		}
		catch (Problem problem) {
			flash.addFlashAttribute("error", PageMessages.of(problem));
			flash.addFlashAttribute("joinShop", slug);
			flash.addFlashAttribute("joinCode", recruiterCode == null ? "" : recruiterCode.strip());
		}
		return "redirect:/my/earnings";
	}

	private MembershipRow membership(Promoters.Membership m) {
		Promoter p = m.promoter();
		String recruitedBy = null;
		if (m.recruiter() != null) {
			String name = identity.find(m.recruiter().accountId()).map(AccountPrincipal::name).orElse(null);
			recruitedBy = (name == null || name.isBlank() ? text.get("earnings.aPromoter") : name) + " ("
					+ m.recruiter().code() + ")";
		}
		return new MembershipRow(m.shop() == null ? text.get("earnings.closedShop") : m.shop().name(),
				m.shop() == null ? null : m.shop().url(), p.code(), p.level(), recruitedBy);
	}

	private String shopName(Map<UUID, Shop> known, UUID shopId) {
		Shop shop = known.computeIfAbsent(shopId, id -> shops.shop(id).orElse(null));
		return shop == null ? text.get("earnings.closedShop") : shop.name();
	}

	/** One membership as shown: shop, its page, the promoter code, level and recruiter (null at level 1). */
	record MembershipRow(String shopName, String shopUrl, String code, int level, String recruitedBy) {
	}

	/** One commission as shown. */
	record Row(UUID orderId, String shopName, int level, long amount, String status, java.time.Instant at) {
	}

}
