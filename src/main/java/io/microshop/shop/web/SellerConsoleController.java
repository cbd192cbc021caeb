package io.microshop.shop.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.Product;
import io.microshop.catalog.Sku;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.Ledger;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.Yuan;
import io.microshop.shop.Listing;
import io.microshop.shop.NewListing;
import io.microshop.shop.Shop;
import io.microshop.shop.ShopUpdates;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller console: open a shop, see its balance and listings, find supplier products and
 * list one with a price per SKU (pre-filled at the supplier's floor). Orders are on the
 * ordering module's tab, {@code /seller/orders}.
 */
@PageController
class SellerConsoleController {

	private final Shops shops;

	private final Catalog catalog;

	private final Ledger ledger;

	private final ShopUpdates updates;

	SellerConsoleController(Shops shops, Catalog catalog, Ledger ledger, ShopUpdates updates) {
		this.updates = updates;
		this.shops = shops;
		this.catalog = catalog;
		this.ledger = ledger;
	}

	@GetMapping("/seller")
	String console(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			Model model) {
		List<Shop> mine = shops.shopsOf(me.accountId());
		if (mine.isEmpty()) {
			return "shop/open-shop";
		}
		Shop current = pick(mine, shop);
		model.addAttribute("shops", mine);
		model.addAttribute("shop", current);
		model.addAttribute("balance", ledger.shopBalance(current.id()));
		model.addAttribute("listings", shops.listingsOf(current.id()));
		model.addAttribute("updateQuota", updates.quota(current.id(), me));
		model.addAttribute("recentUpdates", updates.updatesOf(current.id(), me, new PageRequest(0, 5)).items());
		model.addAttribute("followers", updates.followers(current.id()));
		return "shop/seller";
	}

	@PostMapping("/seller/shops")
	String open(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String slug, Model model, RedirectAttributes flash) {
		try {
			if (name == null || name.isBlank() || name.strip().length() > 100) {
				throw Problem.invalidField("name", "Give the shop a name (up to 100 characters).");
			}
			if (slug == null || slug.isBlank() || slug.strip().length() > 40) {
				throw Problem.invalidField("slug", "Choose an address of 3-40 letters, digits or hyphens.");
			}
			Shop opened = shops.open(me, name, slug);
			flash.addAttribute("shop", opened.id());
			flash.addFlashAttribute("notice", "Your shop is open at " + opened.url() + ". Now list a first product.");
			return "redirect:/seller/catalog";
		}
		catch (Problem problem) {
			model.addAttribute("error", PageMessages.of(problem));
			model.addAttribute("name", name);
			model.addAttribute("slug", slug);
			return "shop/open-shop";
		}
	}

	@GetMapping("/seller/catalog")
	String catalog(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
		List<Shop> mine = shops.shopsOf(me.accountId());
		if (mine.isEmpty()) {
			return "redirect:/seller";
		}
		String query = q == null ? "" : q.strip();
		if (query.length() > 100) {
			query = query.substring(0, 100);
		}
		model.addAttribute("shops", mine);
		model.addAttribute("shop", pick(mine, shop));
		model.addAttribute("q", query);
		model.addAttribute("results", catalog.search(query, new PageRequest(FormValues.page(page), 10)));
		return "shop/seller-catalog";
	}

	/** Lists a product: one price field per SKU, named {@code price-<skuId>}; empty skips it. */
	@PostMapping("/seller/listings")
	String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam Map<String, String> form,
			RedirectAttributes flash) {
		UUID shopId = FormValues.uuid(form.get("shop")).orElseThrow(() -> Problem.notFound("The shop"));
		flash.addAttribute("shop", shopId);
		try {
			Product product = FormValues.uuid(form.get("product")).flatMap(catalog::product)
				.orElseThrow(() -> Problem.invalidField("product", "That product no longer exists."));
			List<NewListing.SkuPrice> prices = new ArrayList<>();
			for (Sku sku : product.skus()) {
				String typed = form.get("price-" + sku.id());
				if (typed != null && !typed.isBlank()) {
					long price = Yuan.parse("Price of " + sku.name(), typed);
					if (price < sku.minRetailPrice()) {
						throw Problem.invalidField("price", "The price of " + sku.name() + " must be at least "
								+ Yuan.format(sku.minRetailPrice()) + ", the supplier's minimum retail price.");
					}
					prices.add(new NewListing.SkuPrice(sku.id(), price));
				}
			}
			if (prices.isEmpty()) {
				throw Problem.invalidField("price", "Give at least one option a price.");
			}
			Listing listing = shops.list(shopId, me, new NewListing(product.id(), prices));
			flash.addFlashAttribute("notice", "Listed " + listing.title() + " at " + listing.url() + ".");
			return "redirect:/seller";
		}
		catch (Problem problem) {
			if (problem.status().value() == 403 || problem.status().value() == 404) {
				throw problem;
			}
			flash.addFlashAttribute("error", PageMessages.of(problem));
			String q = form.get("q");
			if (q != null && !q.isBlank()) {
				flash.addAttribute("q", q.length() > 100 ? q.substring(0, 100) : q);
			}
			return "redirect:/seller/catalog";
		}
	}

	private static Shop pick(List<Shop> mine, String wanted) {
		return FormValues.uuid(wanted)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
	}

}
