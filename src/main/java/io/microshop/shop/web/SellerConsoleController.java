package io.microshop.shop.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.Product;
import io.microshop.catalog.Sku;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.platform.web.Yuan;
import io.microshop.shop.Listing;
import io.microshop.shop.NewListing;
import io.microshop.shop.SellerShops;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop's part of the seller console: open a shop, find supplier products and list one
 * with a price per SKU (pre-filled at the supplier's floor, one tap to list). The dashboard,
 * {@code /seller}, is the console module's; orders are on the ordering module's tab,
 * {@code /seller/orders}.
 */
@PageController
class SellerConsoleController {

	private final Shops shops;

	private final Catalog catalog;

	private final PageText text;

	SellerConsoleController(Shops shops, Catalog catalog, PageText text) {
		this.shops = shops;
		this.catalog = catalog;
		this.text = text;
	}

	/**
	 * The form to open a shop. The dashboard ({@code /seller}, console module) forwards here
	 * while the account has none; with a shop already, this opens another.
	 */
	@GetMapping("/seller/open")
	String openForm(Model model) {
		if (!model.containsAttribute("slug")) {
			model.addAttribute("slug", suggestedSlug());
		}
		return "shop/open-shop";
	}

	@PostMapping("/seller/shops")
	String open(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String slug, Model model, RedirectAttributes flash) {
		try {
			if (name == null || name.isBlank() || name.strip().length() > 100) {
				throw Problem.invalidField("name", text.get("seller.open.error.name"));
			}
			if (slug == null || slug.isBlank() || slug.strip().length() > 40) {
				throw Problem.invalidField("slug", text.get("seller.open.error.slug"));
			}
			Shop opened = shops.open(me, name, slug);
			flash.addAttribute("shop", opened.id());
			flash.addFlashAttribute("notice", text.get("seller.open.done", opened.url()));
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
		Optional<SellerShops> mine = SellerShops.of(shops, me, shop);
		if (mine.isEmpty()) {
			return "redirect:/seller";
		}
		String query = q == null ? "" : q.strip();
		if (query.length() > 100) {
			query = query.substring(0, 100);
		}
		model.addAttribute("shops", mine.get().all());
		model.addAttribute("shop", mine.get().current());
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
				.orElseThrow(() -> Problem.invalidField("product", text.get("seller.list.error.gone")));
			List<NewListing.SkuPrice> prices = new ArrayList<>();
			for (Sku sku : product.skus()) {
				String typed = form.get("price-" + sku.id());
				if (typed != null && !typed.isBlank()) {
					long price = Yuan.parse(text.get("seller.list.priceOf", sku.name()), typed);
					if (price < sku.minRetailPrice()) {
						throw Problem.invalidField("price",
								text.get("seller.list.error.floor", sku.name(), Yuan.format(sku.minRetailPrice())));
					}
					prices.add(new NewListing.SkuPrice(sku.id(), price));
				}
			}
			if (prices.isEmpty()) {
				throw Problem.invalidField("price", text.get("seller.list.error.none"));
			}
			Listing listing = shops.list(shopId, me, new NewListing(product.id(), prices));
			flash.addFlashAttribute("notice", text.get("seller.list.done", listing.title(), listing.url()));
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

	/** An address to start from: the seller may keep it or type a name of their own. */
	private static String suggestedSlug() {
		String letters = "abcdefghjkmnpqrstuvwxyz23456789";
		StringBuilder slug = new StringBuilder("shop-");
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 6; i++) {
			slug.append(letters.charAt(random.nextInt(letters.length())));
		}
		return slug.toString();
	}

}
