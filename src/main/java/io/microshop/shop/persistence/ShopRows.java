package io.microshop.shop.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.microshop.shop.NewListing;
import io.microshop.shop.Shop;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of shops, listings and listing prices. */
@Repository
public class ShopRows {

	private static final String SHOP_COLUMNS = "id, owner_account_id, name, slug, verified, level1_commission_bps, "
			+ "level2_commission_bps";

	private final JdbcClient jdbc;

	ShopRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean insertShop(Shop s, Instant now) {
		return jdbc.sql("""
				INSERT INTO shops (id, owner_account_id, name, slug, verified, created_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (slug) DO NOTHING""")
			.params(s.id(), s.ownerAccountId(), s.name(), s.slug(), s.verified(), Timestamp.from(now))
			.update() == 1;
	}

	public Optional<Shop> findShop(UUID id) {
		return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM shops WHERE id = ?").param(id).query(Shop.class).optional();
	}

	public Optional<Shop> findShopBySlug(String slug) {
		return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM shops WHERE slug = ?").param(slug).query(Shop.class).optional();
	}

	public List<Shop> shopsOwnedBy(UUID accountId) {
		return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM shops WHERE owner_account_id = ? ORDER BY created_at")
			.param(accountId)
			.query(Shop.class)
			.list();
	}

	public void updateShop(UUID id, String name, int level1, int level2) {
		jdbc.sql("UPDATE shops SET name = ?, level1_commission_bps = ?, level2_commission_bps = ? WHERE id = ?")
			.params(name, level1, level2, id)
			.update();
	}

	public void insertListing(UUID id, UUID shopId, UUID productId, UUID supplierId, List<NewListing.SkuPrice> prices,
			Instant now) {
		jdbc.sql("INSERT INTO listings (id, shop_id, product_id, supplier_id, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, shopId, productId, supplierId, Timestamp.from(now))
			.update();
		for (NewListing.SkuPrice p : prices) {
			jdbc.sql("INSERT INTO listing_prices (listing_id, sku_id, shop_id, price) VALUES (?, ?, ?, ?)")
				.params(id, p.skuId(), shopId, p.price())
				.update();
		}
	}

	public Optional<ListingRef> findListingShop(UUID listingId) {
		return jdbc.sql("""
				SELECT l.id, l.shop_id, s.name AS shop_name, s.slug AS shop_slug, s.verified AS shop_verified, l.product_id
				FROM listings l JOIN shops s ON s.id = l.shop_id WHERE l.id = ?""")
			.param(listingId)
			.query(ListingRef.class)
			.optional();
	}

	public List<ListingRef> listingRefsOfShop(UUID shopId) {
		return jdbc.sql("""
				SELECT l.id, l.shop_id, s.name AS shop_name, s.slug AS shop_slug, s.verified AS shop_verified, l.product_id
				FROM listings l JOIN shops s ON s.id = l.shop_id WHERE l.shop_id = ? ORDER BY l.created_at DESC
				LIMIT 200""")
			.param(shopId)
			.query(ListingRef.class)
			.list();
	}

	public Map<UUID, Map<UUID, Long>> pricesOf(Collection<UUID> listingIds) {
		Map<UUID, Map<UUID, Long>> prices = new HashMap<>();
		jdbc.sql("SELECT listing_id, sku_id, price FROM listing_prices WHERE listing_id = ANY(?::uuid[])")
			.param(listingIds.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> {
				prices.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
					.put(rs.getObject(2, UUID.class), rs.getLong(3));
				return null;
			})
			.list();
		return prices;
	}

	public record ListingRef(UUID id, UUID shopId, String shopName, String shopSlug, boolean shopVerified,
			UUID productId) {
	}

}
