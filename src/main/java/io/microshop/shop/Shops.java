package io.microshop.shop;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.Product;
import io.microshop.catalog.Sku;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Ids;
import io.microshop.platform.Problem;
import io.microshop.shop.persistence.ShopRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shops facade: opening shops, listing products at the seller's price, reading listings. */
@Service
public class Shops {

	private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$");

	private final ShopRows rows;

	private final Catalog catalog;

	private final Clock clock;

	Shops(ShopRows rows, Catalog catalog, Clock clock) {
		this.rows = rows;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Transactional
	public Shop open(AccountPrincipal owner, String name, String slug) {
		String normalised = slug.strip().toLowerCase(java.util.Locale.ROOT);
		if (!SLUG.matcher(normalised).matches() || normalised.contains("--")) {
			throw Problem.invalidField("slug", "use 3-40 letters, digits or single hyphens");
		}
		Shop shop = new Shop(Ids.newId(), owner.accountId(), name.strip(), normalised, false, 0, 0, null, null);
		if (!rows.insertShop(shop, clock.instant())) {
			throw Problem.conflict("slug-taken", "Slug taken", "Another shop already uses this address.");
		}
		return shop;
	}

	/** The shop, if the caller owns it: 404 when unknown, 403 when another seller's. */
	@Transactional(readOnly = true)
	public Shop requireOwned(UUID shopId, AccountPrincipal caller) {
		Shop shop = rows.findShop(shopId).orElseThrow(() -> Problem.notFound("The shop"));
		if (!caller.is(shop.ownerAccountId())) {
			throw Problem.forbidden("This shop belongs to another seller.");
		}
		return shop;
	}

	@Transactional
	public Shop change(UUID shopId, AccountPrincipal caller, ShopChange change) {
		Shop shop = requireOwned(shopId, caller);
		int l1 = change.level1CommissionBps() != null ? change.level1CommissionBps() : shop.level1CommissionBps();
		int l2 = change.level2CommissionBps() != null ? change.level2CommissionBps() : shop.level2CommissionBps();
		if (l1 + l2 > 5_000) {
			throw new Problem(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "commission-too-high",
					"Commission too high", "Level 1 and level 2 together may take at most 50% of the margin (5000 bps).",
					java.util.Map.of("level1CommissionBps", "with level2CommissionBps at most 5000"));
		}
		String name = change.name() != null ? change.name().strip() : shop.name();
		rows.updateShop(shopId, name, l1, l2);
		return rows.findShop(shopId).orElseThrow();
	}

	/**
	 * Sets the verified badge: trust's verification review decides it (approval sets it, a
	 * submission with a new legal name clears it until approved). A system action.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void markVerified(UUID shopId, boolean verified) {
		rows.markVerified(shopId, verified);
	}

	@Transactional(readOnly = true)
	public Optional<Shop> shop(UUID shopId) {
		return rows.findShop(shopId);
	}

	@Transactional(readOnly = true)
	public Optional<Shop> bySlug(String slug) {
		return rows.findShopBySlug(slug.toLowerCase(java.util.Locale.ROOT));
	}

	@Transactional(readOnly = true)
	public List<Shop> shopsOf(UUID accountId) {
		return rows.shopsOwnedBy(accountId);
	}

	@Transactional(readOnly = true)
	public boolean owns(UUID shopId, UUID accountId) {
		return rows.findShop(shopId).map(s -> s.ownerAccountId().equals(accountId)).orElse(false);
	}

	/** Lists a supplier product; every price must be at or above its SKU's floor (422). */
	@Transactional
	public Listing list(UUID shopId, AccountPrincipal caller, NewListing listing) {
		requireOwned(shopId, caller);
		Product product = catalog.product(listing.productId())
			.orElseThrow(() -> Problem.invalidField("productId", "no such product"));
		Set<UUID> seen = new HashSet<>();
		for (NewListing.SkuPrice price : listing.prices()) {
			if (!seen.add(price.skuId())) {
				throw Problem.invalidField("prices", "SKU " + price.skuId() + " is priced twice");
			}
			Sku sku = product.sku(price.skuId())
				.orElseThrow(() -> Problem.invalidField("prices", "SKU " + price.skuId() + " is not in this product"));
			if (price.price() < sku.minRetailPrice()) {
				throw new Problem(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "price-below-floor",
						"Price below floor", "The price of " + sku.name() + " is below the supplier's minimum retail price "
								+ sku.minRetailPrice() + ".",
						java.util.Map.of("prices", "below minRetailPrice " + sku.minRetailPrice()));
			}
		}
		UUID id = Ids.newId();
		rows.insertListing(id, shopId, product.id(), product.supplierId(), listing.prices(), clock.instant());
		return listing(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Listing> listing(UUID listingId) {
		return rows.findListing(listingId).flatMap(ref -> assemble(List.of(ref)).stream().findFirst());
	}

	/** The listing with only the given SKUs: what checkout reads, without the rest of a big product. */
	@Transactional(readOnly = true)
	public Optional<Listing> listing(UUID listingId, java.util.Collection<UUID> skuIds) {
		return rows.findListing(listingId, skuIds)
			.flatMap(ref -> catalog.product(ref.productId(), skuIds).map(p -> toListing(ref, p, ref.prices())));
	}

	@Transactional(readOnly = true)
	public List<Listing> listingsOf(UUID shopId) {
		return assemble(rows.listingRefsOfShop(shopId));
	}

	private List<Listing> assemble(List<ShopRows.ListingRef> refs) {
		if (refs.isEmpty()) {
			return List.of();
		}
		var products = catalog.products(refs.stream().map(ShopRows.ListingRef::productId).distinct().toList());
		return refs.stream().flatMap(ref -> products.stream()
			.filter(p -> p.id().equals(ref.productId()))
			.findFirst()
			.map(p -> toListing(ref, p, ref.prices()))
			.stream()).toList();
	}

	private static Listing toListing(ShopRows.ListingRef ref, Product p, java.util.Map<UUID, Long> prices) {
		List<Listing.ListedSku> skus = p.skus()
			.stream()
			.filter(s -> prices.containsKey(s.id()))
			.map(s -> new Listing.ListedSku(s.id(), s.name(), prices.get(s.id()), s.stock(), s.supplyPrice(),
					s.minRetailPrice()))
			.toList();
		return new Listing(ref.id(), ref.shopId(), ref.shopName(), ref.shopSlug(), ref.shopVerified(),
				ref.shopSuspended(), p.id(), p.supplierId(), p.title(), p.description(), p.imageUrls(), p.shippingFee(),
				p.currency(), skus);
	}

}
