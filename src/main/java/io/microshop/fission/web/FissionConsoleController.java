package io.microshop.fission.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.microshop.fission.FissionStats;
import io.microshop.fission.PromoterStats;
import io.microshop.fission.ShopFission;
import io.microshop.identity.Identity;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageText;
import io.microshop.shop.Listing;
import io.microshop.shop.SellerShops;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seller console's fission tab: the funnel (visits -> orders -> paid) and sales of the
 * shop's share links, by channel as a table and a bar chart, the viral coefficient and the
 * best links (with their sharers), the best promoters and the tree of who recruited whom.
 */
@PageController
class FissionConsoleController {

	private final Shops shops;

	private final FissionStats stats;

	private final Identity identity;

	private final java.time.Clock clock;

	private final PageText text;

	FissionConsoleController(Shops shops, FissionStats stats, Identity identity, java.time.Clock clock,
			PageText text) {
		this.text = text;
		this.clock = clock;
		this.shops = shops;
		this.stats = stats;
		this.identity = identity;
	}

	@GetMapping("/seller/fission")
	String fission(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			Model model) {
		Optional<SellerShops> mine = SellerShops.of(shops, me, shop);
		if (mine.isEmpty()) {
			return "redirect:/seller";
		}
		Shop current = mine.get().current();
		ShopFission fission = stats.ofShop(current.id(), me);
		model.addAttribute("shops", mine.get().all());
		model.addAttribute("shop", current);
		model.addAttribute("fission", fission);
		model.addAttribute("chart", ChannelChart.of(fission.byChannel()));
		model.addAttribute("funnel", FunnelChart.of(stats.dailyFunnel(current.id(), me, clock.instant())));
		List<PromoterStats> topPromoters = stats.topPromoters(current.id(), me);
		FissionStats.PromoterTree tree = stats.promoterTree(current.id(), me);
		Map<UUID, String> people = new HashMap<>();
		fission.topLinks().forEach(t -> person(people, t.link().sharerAccountId()));
		topPromoters.forEach(p -> person(people, p.promoter().accountId()));
		tree.roots().forEach(n -> people(people, n));
		model.addAttribute("topPromoters", topPromoters);
		model.addAttribute("tree", tree);
		model.addAttribute("people", people);
		model.addAttribute("titles", shops.listingsOf(current.id())
			.stream()
			.collect(Collectors.toMap(Listing::id, Listing::title, (a, b) -> a)));
		return "fission/seller-fission";
	}

	private void people(Map<UUID, String> people, FissionStats.PromoterNode node) {
		person(people, node.promoter().accountId());
		node.recruits().forEach(r -> people(people, r));
	}

	/** An account as the seller sees it in these tables: its name and the last four digits of its phone. */
	private void person(Map<UUID, String> people, UUID accountId) {
		people.computeIfAbsent(accountId, id -> identity.find(id).map(a -> {
			String name = a.name() == null || a.name().isBlank() ? text.get("seller.person.fan") : a.name();
			String phone = a.phone() == null ? "" : a.phone();
			return phone.length() >= 4 ? name + " …" + phone.substring(phone.length() - 4) : name;
		}).orElse(text.get("seller.person.unknown")));
	}

}
