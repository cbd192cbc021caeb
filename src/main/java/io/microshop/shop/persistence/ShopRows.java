package io.microshop.shop.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
			+ "level2_commission_bps, suspended_at, suspension_reason";

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
		return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM shops WHERE id = ?").param(id).query(ShopRows::shop).optional();
	}

	public Optional<Shop> findShopBySlug(String slug) {
		return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM shops WHERE slug = ?")
			.param(slug)
			.query(ShopRows::shop)
			.optional();
	}

	public List<Shop> shopsOwnedBy(UUID accountId) {
		return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM shops WHERE owner_account_id = ? ORDER BY created_at")
			.param(accountId)
			.query(ShopRows::shop)
			.list();
	}

	public void markVerified(UUID id, boolean verified) {
		jdbc.sql("UPDATE shops SET verified = ? WHERE id = ?").params(verified, id).update();
	}

	/** The shop, its row locked until the caller's transaction ends. */
	public Optional<Shop> lockShop(UUID id) {
		return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM shops WHERE id = ? FOR UPDATE")
			.param(id)
			.query(ShopRows::shop)
			.optional();
	}

	/** Suspends a shop not suspended yet; false when it already is (or does not exist). */
	public boolean suspend(UUID id, String reason, Instant now) {
		return jdbc.sql("UPDATE shops SET suspended_at = ?, suspension_reason = ? WHERE id = ? AND suspended_at IS NULL")
			.params(Timestamp.from(now), reason, id)
			.update() == 1;
	}

	/** Lifts a suspension; false when the shop is not suspended (or does not exist). */
	public boolean reinstate(UUID id) {
		return jdbc.sql("""
				UPDATE shops SET suspended_at = NULL, suspension_reason = NULL
				WHERE id = ? AND suspended_at IS NOT NULL""").param(id).update() == 1;
	}

	/** Shops, suspended or not ({@code null}: all); the suspended newest suspension first. */
	public List<Shop> shops(Boolean suspended, int limit, long offset) {
		return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM shops WHERE " + suspendedFilter(suspended)
				+ " ORDER BY suspended_at DESC NULLS LAST, created_at DESC, id LIMIT ? OFFSET ?")
			.params(limit, offset)
			.query(ShopRows::shop)
			.list();
	}

	public long countShops(Boolean suspended) {
		return jdbc.sql("SELECT count(*) FROM shops WHERE " + suspendedFilter(suspended)).query(Long.class).single();
	}

	private static String suspendedFilter(Boolean suspended) {
		return suspended == null ? "TRUE" : suspended ? "suspended_at IS NOT NULL" : "suspended_at IS NULL";
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

	/** A listing with its shop and its prices, in one query. */
	public Optional<ListingRef> findListing(UUID listingId) {
		return refs("l.id = ?", listingId).stream().findFirst();
	}

	/** A listing with the prices of some of its SKUs only: what a checkout needs. */
	public Optional<ListingRef> findListing(UUID listingId, Collection<UUID> skuIds) {
		return refs("l.id = ? AND p.sku_id = ANY(?::uuid[])", listingId,
				skuIds.stream().map(UUID::toString).toArray(String[]::new))
			.stream()
			.findFirst();
	}

	/** The newest listings of a shop (at most 200) with their prices, in one query. */
	public List<ListingRef> listingRefsOfShop(UUID shopId) {
		return refs("l.id IN (SELECT id FROM listings WHERE shop_id = ? ORDER BY created_at DESC LIMIT 200)", shopId);
	}

	private List<ListingRef> refs(String where, Object... params) {
		Map<UUID, ListingRef> refs = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT l.id, l.shop_id, s.name AS shop_name, s.slug AS shop_slug, s.verified AS shop_verified,
					s.suspended_at IS NOT NULL AS shop_suspended, l.product_id, p.sku_id, p.price
				FROM listings l JOIN shops s ON s.id = l.shop_id LEFT JOIN listing_prices p ON p.listing_id = l.id
				WHERE\s""" + where + " ORDER BY l.created_at DESC, l.id")
			.params(params)
			.query((rs, n) -> {
				ListingRef ref = refs.computeIfAbsent(rs.getObject("id", UUID.class), id -> ref(rs, id));
				UUID skuId = rs.getObject("sku_id", UUID.class);
				if (skuId != null) {
					ref.prices().put(skuId, rs.getLong("price"));
				}
				return null;
			})
			.list();
		return new ArrayList<>(refs.values());
	}

	private static ListingRef ref(ResultSet rs, UUID id) {
		try {
			return new ListingRef(id, rs.getObject("shop_id", UUID.class), rs.getString("shop_name"),
					rs.getString("shop_slug"), rs.getBoolean("shop_verified"), rs.getBoolean("shop_suspended"),
					rs.getObject("product_id", UUID.class), new HashMap<>());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Shop shop(ResultSet rs, int n) throws SQLException {
		Timestamp suspendedAt = rs.getTimestamp("suspended_at");
		return new Shop(rs.getObject("id", UUID.class), rs.getObject("owner_account_id", UUID.class),
				rs.getString("name"), rs.getString("slug"), rs.getBoolean("verified"), rs.getInt("level1_commission_bps"),
				rs.getInt("level2_commission_bps"), suspendedAt == null ? null : suspendedAt.toInstant(),
				rs.getString("suspension_reason"));
	}

	/** A listing, its shop, and its price per SKU. */
	public record ListingRef(UUID id, UUID shopId, String shopName, String shopSlug, boolean shopVerified,
			boolean shopSuspended, UUID productId, Map<UUID, Long> prices) {
	}

}
