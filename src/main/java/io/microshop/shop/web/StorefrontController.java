package io.microshop.shop.web;

import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages: the home page and a shop's page with its listings. */
@PageController
class StorefrontController {

	static final String DEMO_SLUG = "demo-tea";

	private final Shops shops;

	StorefrontController(Shops shops) {
		this.shops = shops;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("demo", shops.bySlug(DEMO_SLUG).orElse(null));
		return "shop/home";
	}

	@GetMapping("/s/{slug}")
	String shop(@PathVariable String slug, Model model) {
		if (slug.length() > 40) {
			throw Problem.notFound("This shop");
		}
		Shop shop = shops.bySlug(slug).orElseThrow(() -> Problem.notFound("This shop"));
		model.addAttribute("shop", shop);
		model.addAttribute("listings", shops.listingsOf(shop.id()));
		return "shop/shop";
	}

}
