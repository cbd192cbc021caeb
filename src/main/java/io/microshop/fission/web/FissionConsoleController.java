package io.microshop.fission.web;

import java.util.List;
import java.util.stream.Collectors;

import io.microshop.fission.FissionStats;
import io.microshop.fission.ShopFission;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.shop.Listing;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seller console's fission tab: the funnel (visits -> orders -> paid) and sales of the
 * shop's share links, by channel as a table and a bar chart, the viral coefficient and the
 * best links.
 */
@PageController
class FissionConsoleController {

	private final Shops shops;

	private final FissionStats stats;

	FissionConsoleController(Shops shops, FissionStats stats) {
		this.shops = shops;
		this.stats = stats;
	}

	@GetMapping("/seller/fission")
	String fission(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			Model model) {
		List<Shop> mine = shops.shopsOf(me.accountId());
		if (mine.isEmpty()) {
			return "redirect:/seller";
		}
		Shop current = FormValues.uuid(shop)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
		ShopFission fission = stats.ofShop(current.id(), me);
		model.addAttribute("shops", mine);
		model.addAttribute("shop", current);
		model.addAttribute("fission", fission);
		model.addAttribute("chart", ChannelChart.of(fission.byChannel()));
		model.addAttribute("titles", shops.listingsOf(current.id())
			.stream()
			.collect(Collectors.toMap(Listing::id, Listing::title, (a, b) -> a)));
		return "fission/seller-fission";
	}

}
