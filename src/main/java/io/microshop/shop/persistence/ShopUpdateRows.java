package io.microshop.shop.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.shop.FollowedShop;
import io.microshop.shop.ShopUpdate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of followers, shop updates and the per-day counters of the updates' cap. */
@Repository
public class ShopUpdateRows {

	private static final String UPDATE_COLUMNS = "u.id, u.shop_id, s.name, s.slug, u.text, u.created_at";

	private final JdbcClient jdbc;

	ShopUpdateRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Follows the shop; false when the account already followed it (its muting is kept). */
	public boolean follow(UUID shopId, UUID accountId, Instant now) {
		return jdbc.sql("""
				INSERT INTO followers (shop_id, account_id, muted, created_at) VALUES (?, ?, FALSE, ?)
				ON CONFLICT (shop_id, account_id) DO NOTHING""")
			.params(shopId, accountId, Timestamp.from(now))
			.update() == 1;
	}

	public boolean unfollow(UUID shopId, UUID accountId) {
		return jdbc.sql("DELETE FROM followers WHERE shop_id = ? AND account_id = ?")
			.params(shopId, accountId)
			.update() == 1;
	}

	/** Mutes or unmutes; false when the account does not follow the shop. */
	public boolean mute(UUID shopId, UUID accountId, boolean muted) {
		return jdbc.sql("UPDATE followers SET muted = ? WHERE shop_id = ? AND account_id = ?")
			.params(muted, shopId, accountId)
			.update() == 1;
	}

	/** Whether the account follows the shop, and if so whether muted. */
	public Optional<Boolean> muted(UUID shopId, UUID accountId) {
		return jdbc.sql("SELECT muted FROM followers WHERE shop_id = ? AND account_id = ?")
			.params(shopId, accountId)
			.query(Boolean.class)
			.optional();
	}

	public long followerCount(UUID shopId) {
		return jdbc.sql("SELECT count(*) FROM followers WHERE shop_id = ?").param(shopId).query(Long.class).single();
	}

	public List<FollowedShop> followedBy(UUID accountId) {
		return jdbc.sql("""
				SELECT f.shop_id, s.name, s.slug, f.muted, f.created_at FROM followers f JOIN shops s ON s.id = f.shop_id
				WHERE f.account_id = ? ORDER BY s.name, f.shop_id""")
			.param(accountId)
			.query((rs, n) -> new FollowedShop(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getBoolean(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * Counts one more update for the shop's day, unless the day already has {@code cap}: one
	 * conditional upsert, so concurrent posts queue on the counter's row and never pass the
	 * cap. Answers the day's count after this update, or empty when the cap was reached.
	 */
	public Optional<Integer> countUpdate(UUID shopId, LocalDate day, int cap) {
		return jdbc.sql("""
				INSERT INTO shop_update_days (shop_id, day, used) VALUES (?, ?, 1)
				ON CONFLICT (shop_id, day) DO UPDATE SET used = shop_update_days.used + 1
				WHERE shop_update_days.used < ?
				RETURNING used""")
			.params(shopId, day, cap)
			.query(Integer.class)
			.optional();
	}

	public int usedOn(UUID shopId, LocalDate day) {
		return jdbc.sql("SELECT used FROM shop_update_days WHERE shop_id = ? AND day = ?")
			.params(shopId, day)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	public void insertUpdate(UUID id, UUID shopId, String text, Instant at) {
		jdbc.sql("INSERT INTO shop_updates (id, shop_id, text, created_at) VALUES (?, ?, ?, ?)")
			.params(id, shopId, text, Timestamp.from(at))
			.update();
	}

	public List<ShopUpdate> updatesOf(UUID shopId, int limit, long offset) {
		return jdbc.sql("SELECT " + UPDATE_COLUMNS + """
				 FROM shop_updates u JOIN shops s ON s.id = u.shop_id WHERE u.shop_id = ?
				ORDER BY u.created_at DESC, u.id DESC LIMIT ? OFFSET ?""")
			.params(shopId, limit, offset)
			.query(ShopUpdateRows::update)
			.list();
	}

	public long countUpdatesOf(UUID shopId) {
		return jdbc.sql("SELECT count(*) FROM shop_updates WHERE shop_id = ?").param(shopId).query(Long.class).single();
	}

	/** Updates of the shops the account follows and has not muted, newest first. */
	public List<ShopUpdate> feedOf(UUID accountId, int limit, long offset) {
		return jdbc.sql("SELECT " + UPDATE_COLUMNS + """
				 FROM followers f JOIN shop_updates u ON u.shop_id = f.shop_id JOIN shops s ON s.id = u.shop_id
				WHERE f.account_id = ? AND NOT f.muted
				ORDER BY u.created_at DESC, u.id DESC LIMIT ? OFFSET ?""")
			.params(accountId, limit, offset)
			.query(ShopUpdateRows::update)
			.list();
	}

	public long countFeedOf(UUID accountId) {
		return jdbc.sql("""
				SELECT count(*) FROM followers f JOIN shop_updates u ON u.shop_id = f.shop_id
				WHERE f.account_id = ? AND NOT f.muted""")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	private static ShopUpdate update(ResultSet rs, int n) throws SQLException {
		return new ShopUpdate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());
	}

}
