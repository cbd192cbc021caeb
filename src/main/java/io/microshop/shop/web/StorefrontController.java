package io.microshop.shop.web;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.shop.Shop;
import io.microshop.shop.ShopReputation;
import io.microshop.shop.ShopUpdates;
import io.microshop.shop.Shops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages: the home page and a shop's page with its listings. */
@PageController
class StorefrontController {

	static final String DEMO_SLUG = "demo-tea";

	private final Shops shops;

	private final ObjectProvider<ShopReputation> reputation;

	private final ShopUpdates updates;

	StorefrontController(Shops shops, ObjectProvider<ShopReputation> reputation, ShopUpdates updates) {
		this.shops = shops;
		this.reputation = reputation;
		this.updates = updates;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("demo", shops.bySlug(DEMO_SLUG).orElse(null));
		return "shop/home";
	}

	@GetMapping("/s/{slug}")
	String shop(@PathVariable String slug, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (slug.length() > 40) {
			throw Problem.notFound("This shop");
		}
		Shop shop = shops.bySlug(slug).orElseThrow(() -> Problem.notFound("This shop"));
		model.addAttribute("shop", shop);
		model.addAttribute("listings", shops.listingsOf(shop.id()));
		// null: not following; else whether muted
		model.addAttribute("followMuted", me == null ? null : updates.mutedBy(shop.id(), me.accountId()));
		model.addAttribute("followers", updates.followers(shop.id()));
		ShopReputation r = reputation.getIfAvailable();
		model.addAttribute("complaintRate", r == null ? 0.0 : r.complaintRate(shop.id()));
		return "shop/shop";
	}

}
