package io.microshop.shop.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.Balance;
import io.microshop.ledger.Ledger;
import io.microshop.platform.Problem;
import io.microshop.shop.Listing;
import io.microshop.shop.NewListing;
import io.microshop.shop.Shop;
import io.microshop.shop.ShopChange;
import io.microshop.shop.ShopReputation;
import io.microshop.shop.Shops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ShopsController {

	private final Shops shops;

	private final Ledger ledger;

	private final ObjectProvider<ShopReputation> reputation;

	ShopsController(Shops shops, Ledger ledger, ObjectProvider<ShopReputation> reputation) {
		this.shops = shops;
		this.ledger = ledger;
		this.reputation = reputation;
	}

	@PostMapping("/api/v1/shops")
	@ResponseStatus(HttpStatus.CREATED)
	ShopView open(@AuthenticationPrincipal AccountPrincipal me, @Valid @RequestBody NewShop body) {
		return ShopView.of(shops.open(me, body.name(), body.slug()));
	}

	@GetMapping("/api/v1/shops/{shopId}")
	ShopView shop(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId) {
		return ShopView.of(shops.requireOwned(shopId, me));
	}

	@PatchMapping("/api/v1/shops/{shopId}")
	ShopView change(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@Valid @RequestBody ShopChange body) {
		return ShopView.of(shops.change(shopId, me, body));
	}

	@PostMapping("/api/v1/shops/{shopId}/listings")
	@ResponseStatus(HttpStatus.CREATED)
	ListingView list(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@Valid @RequestBody NewListing body) {
		return ListingView.of(shops.list(shopId, me, body));
	}

	@GetMapping("/api/v1/shops/{shopId}/balance")
	Balance balance(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId) {
		shops.requireOwned(shopId, me);
		return ledger.shopBalance(shopId);
	}

	@GetMapping("/api/v1/shops/by-slug/{slug}")
	StorefrontView bySlug(@PathVariable String slug) {
		Shop shop = shops.bySlug(slug).orElseThrow(() -> Problem.notFound("The shop"));
		return new StorefrontView(shop.id(), shop.name(), shop.slug(), shop.url(), shop.verified(),
				complaintRate(shop.id()), shop.suspended(),
				shops.listingsOf(shop.id()).stream().map(ListingView::of).toList(), "CNY");
	}

	private double complaintRate(UUID shopId) {
		ShopReputation r = reputation.getIfAvailable();
		return r == null ? 0.0 : r.complaintRate(shopId);
	}

	@GetMapping("/api/v1/listings/{listingId}")
	ListingView listing(@PathVariable UUID listingId) {
		return ListingView.of(shops.listing(listingId).orElseThrow(() -> Problem.notFound("The listing")));
	}

	record NewShop(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 40) String slug) {
	}

	record ShopView(UUID id, String name, String slug, String url, boolean verified, int level1CommissionBps,
			int level2CommissionBps) {

		static ShopView of(Shop s) {
			return new ShopView(s.id(), s.name(), s.slug(), s.url(), s.verified(), s.level1CommissionBps(),
					s.level2CommissionBps());
		}

	}

	/** {@code suspended}: the shop takes no new orders until an operator reinstates it. */
	record StorefrontView(UUID id, String name, String slug, String url, boolean verified, double complaintRate,
			boolean suspended, List<ListingView> listings, String currency) {
	}

	/** The public face of a listing: never the supplier's prices. */
	record ListingView(UUID id, UUID shopId, String url, String title, String description, List<String> imageUrls,
			long shippingFee, List<SkuView> skus, String currency) {

		static ListingView of(Listing l) {
			return new ListingView(l.id(), l.shopId(), l.url(), l.title(), l.description(), l.imageUrls(),
					l.shippingFee(), l.skus().stream().map(s -> new SkuView(s.id(), s.name(), s.price(), s.available())).toList(),
					l.currency());
		}

	}

	record SkuView(UUID id, String name, long price, int available) {
	}

}
