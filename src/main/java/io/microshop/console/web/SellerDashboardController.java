package io.microshop.console.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.microshop.fission.FissionStats;
import io.microshop.fission.PromoterStats;
import io.microshop.fission.ShareStats;
import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.Identity;
import io.microshop.ledger.Ledger;
import io.microshop.ordering.ShopSales;
import io.microshop.platform.PageRequest;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageText;
import io.microshop.shop.Listing;
import io.microshop.shop.SellerShops;
import io.microshop.shop.Shop;
import io.microshop.shop.ShopUpdates;
import io.microshop.shop.Shops;
import io.microshop.trust.Verification;
import io.microshop.trust.Withdrawals;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seller's dashboard, {@code /seller}: for today, 7 or 30 days, sales, orders, visitors
 * and conversion, the sales per day, the share-link funnel, the best listings and promoters;
 * the balance and the latest withdrawals; the fans with the updates composer; the listings
 * with their share links. A signed-in account without a shop is shown the form to open one.
 */
@PageController
class SellerDashboardController {

	static final int TOP = 5;

	private final Shops shops;

	private final ShopUpdates updates;

	private final ShopSales sales;

	private final FissionStats fission;

	private final Ledger ledger;

	private final Withdrawals withdrawals;

	private final Identity identity;

	private final PageText text;

	private final Clock clock;

	SellerDashboardController(Shops shops, ShopUpdates updates, ShopSales sales, FissionStats fission, Ledger ledger,
			Withdrawals withdrawals, Identity identity, PageText text, Clock clock) {
		this.shops = shops;
		this.updates = updates;
		this.sales = sales;
		this.fission = fission;
		this.ledger = ledger;
		this.withdrawals = withdrawals;
		this.identity = identity;
		this.text = text;
		this.clock = clock;
	}

	@GetMapping("/seller")
	String dashboard(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			@RequestParam(required = false) String period, Model model) {
		Optional<SellerShops> mine = SellerShops.of(shops, me, shop);
		if (mine.isEmpty()) {
			// the shop module's form, served in place: a new seller's first screen is the form itself
			return "forward:/seller/open";
		}
		Shop current = mine.get().current();
		Period range = Period.of(period);
		Instant from = range.from(clock);
		Instant to = range.to(clock);
		model.addAttribute("shops", mine.get().all());
		model.addAttribute("shop", current);
		model.addAttribute("period", range);
		model.addAttribute("periods", Period.values());

		ShopSales.Summary summary = sales.summary(current.id(), me, from, to);
		ShareStats funnel = fission.ofShopBetween(current.id(), me, from, to);
		model.addAttribute("summary", summary);
		model.addAttribute("funnel", funnel);
		model.addAttribute("conversion", conversion(funnel.paidOrders(), funnel.uniqueVisitors()));
		model.addAttribute("chart", SalesChart.of(sales.daily(current.id(), me, range.first(clock), range.last(clock),
				Period.ZONE)));

		List<Listing> listings = shops.listingsOf(current.id());
		Map<UUID, Listing> byId = listings.stream().collect(Collectors.toMap(Listing::id, Function.identity(), (a, b) -> a));
		model.addAttribute("listings", listings);
		model.addAttribute("listingsById", byId);
		model.addAttribute("topListings", sales.topListings(current.id(), me, from, to, TOP));
		List<PromoterStats> promoters = fission.topPromoters(current.id(), me);
		promoters = promoters.subList(0, Math.min(TOP, promoters.size()));
		Map<UUID, String> people = new HashMap<>();
		promoters.forEach(p -> people.computeIfAbsent(p.promoter().accountId(), this::person));
		model.addAttribute("topPromoters", promoters);
		model.addAttribute("people", people);

		model.addAttribute("balance", ledger.shopBalance(current.id()));
		model.addAttribute("withdrawals",
				withdrawals.of(me, Verification.SHOP, current.id(), new PageRequest(0, 3)).items());
		model.addAttribute("followers", updates.followers(current.id()));
		model.addAttribute("updateQuota", updates.quota(current.id(), me));
		model.addAttribute("recentUpdates", updates.updatesOf(current.id(), me, new PageRequest(0, 3)).items());
		return "console/dashboard";
	}

	/** Paid orders per hundred unique visitors, one decimal; null (shown as a dash) without visitors. */
	static String conversion(long paid, long visitors) {
		if (visitors == 0) {
			return null;
		}
		return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * paid / visitors);
	}

	/** An account as the seller sees it: its name and the last four digits of its phone. */
	private String person(UUID accountId) {
		return identity.find(accountId).map(a -> {
			String name = a.name() == null || a.name().isBlank() ? text.get("seller.person.fan") : a.name();
			String phone = a.phone() == null ? "" : a.phone();
			return phone.length() >= 4 ? name + " …" + phone.substring(phone.length() - 4) : name;
		}).orElse(text.get("seller.person.unknown"));
	}

}
