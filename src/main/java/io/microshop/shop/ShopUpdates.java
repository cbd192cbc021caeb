package io.microshop.shop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Ids;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.shop.persistence.ShopRows;
import io.microshop.shop.persistence.ShopUpdateRows;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shop updates, the anti-spam way: a seller posts short notes that only the shop's followers
 * see, at most {@code microshop.trust.updates-per-day} a day (default 3; the day is the
 * platform's, in Asia/Shanghai, and the cap is held by the database under concurrent posts).
 * Fans follow, unfollow and mute; a muted shop stays followed but leaves the feed.
 */
@Service
public class ShopUpdates {

	/** The platform's day: the cap resets at midnight in China, wherever the server runs. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static final int MAX_TEXT = 500;

	private final ShopUpdateRows rows;

	private final ShopRows shops;

	private final Clock clock;

	private final int perDay;

	ShopUpdates(ShopUpdateRows rows, ShopRows shops, Clock clock,
			@Value("${microshop.trust.updates-per-day:3}") int perDay) {
		this.rows = rows;
		this.shops = shops;
		this.clock = clock;
		this.perDay = Math.max(0, perDay);
	}

	/** Follows the shop (404 if unknown); true when newly followed, false when already a follower. */
	@Transactional
	public boolean follow(UUID shopId, AccountPrincipal fan) {
		shop(shopId);
		return rows.follow(shopId, fan.accountId(), clock.instant());
	}

	/** Stops following; following nothing is already the wished state. 404 if the shop is unknown. */
	@Transactional
	public void unfollow(UUID shopId, AccountPrincipal fan) {
		shop(shopId);
		rows.unfollow(shopId, fan.accountId());
	}

	/** Mutes or unmutes a followed shop; 404 if the shop is unknown or not followed. */
	@Transactional
	public void mute(UUID shopId, AccountPrincipal fan, boolean muted) {
		shop(shopId);
		if (!rows.mute(shopId, fan.accountId(), muted)) {
			throw new Problem(org.springframework.http.HttpStatus.NOT_FOUND, "not-following", "Not following",
					"You do not follow this shop.");
		}
	}

	/** Whether the account follows the shop: null when not, else whether it muted it. */
	@Transactional(readOnly = true)
	public Boolean mutedBy(UUID shopId, UUID accountId) {
		return rows.muted(shopId, accountId).orElse(null);
	}

	@Transactional(readOnly = true)
	public long followers(UUID shopId) {
		return rows.followerCount(shopId);
	}

	@Transactional(readOnly = true)
	public List<FollowedShop> followedBy(AccountPrincipal fan) {
		return rows.followedBy(fan.accountId());
	}

	/**
	 * Posts an update for the shop's followers: its seller only (403), text of 1 to 500
	 * characters (422), within the day's cap (429 {@code daily-cap-reached}, retry after the
	 * day turns). The counter and the update commit together or not at all.
	 */
	@Transactional
	public Posted post(UUID shopId, AccountPrincipal seller, String text) {
		requireSeller(shopId, seller);
		String body = text == null ? "" : text.strip();
		if (body.isEmpty() || body.length() > MAX_TEXT) {
			throw Problem.invalidField("text", "must be 1 to " + MAX_TEXT + " characters");
		}
		Instant now = clock.instant();
		LocalDate day = LocalDate.ofInstant(now, ZONE);
		Integer used = perDay == 0 ? null : rows.countUpdate(shopId, day, perDay).orElse(null);
		if (used == null) {
			Instant resetsAt = nextDay(day);
			throw Problem.tooManyRequests("daily-cap-reached", "Daily cap reached",
					"This shop has posted its " + perDay + " updates for today; post again after midnight (China time).",
					Duration.between(now, resetsAt));
		}
		UUID id = Ids.newId();
		rows.insertUpdate(id, shopId, body, now);
		Shop shop = shop(shopId);
		return new Posted(new ShopUpdate(id, shopId, shop.name(), shop.slug(), body, now),
				new UpdateQuota(perDay, used, nextDay(day)));
	}

	/** The shop's updates, for its seller and its followers (muted or not); 403 for anyone else. */
	@Transactional(readOnly = true)
	public PageOf<ShopUpdate> updatesOf(UUID shopId, AccountPrincipal viewer, PageRequest page) {
		Shop shop = shop(shopId);
		if (!viewer.is(shop.ownerAccountId()) && rows.muted(shopId, viewer.accountId()).isEmpty()) {
			throw Problem.forbidden("Only the shop's followers see its updates; follow it first.");
		}
		return new PageOf<>(rows.updatesOf(shopId, page.size(), page.offset()), page.page(), page.size(),
				rows.countUpdatesOf(shopId));
	}

	/** Today's allowance, for the seller (403 for anyone else). */
	@Transactional(readOnly = true)
	public UpdateQuota quota(UUID shopId, AccountPrincipal seller) {
		requireSeller(shopId, seller);
		LocalDate day = LocalDate.ofInstant(clock.instant(), ZONE);
		return new UpdateQuota(perDay, rows.usedOn(shopId, day), nextDay(day));
	}

	/** Updates of the shops the account follows and has not muted, newest first. */
	@Transactional(readOnly = true)
	public PageOf<ShopUpdate> feed(AccountPrincipal fan, PageRequest page) {
		return new PageOf<>(rows.feedOf(fan.accountId(), page.size(), page.offset()), page.page(), page.size(),
				rows.countFeedOf(fan.accountId()));
	}

	private Shop requireSeller(UUID shopId, AccountPrincipal caller) {
		Shop shop = shop(shopId);
		if (!caller.is(shop.ownerAccountId())) {
			throw Problem.forbidden("This shop belongs to another seller.");
		}
		return shop;
	}

	private Shop shop(UUID shopId) {
		return shops.findShop(shopId).orElseThrow(() -> Problem.notFound("The shop"));
	}

	private static Instant nextDay(LocalDate day) {
		return day.plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	/** An update just posted, with what is left of the day's allowance after it. */
	public record Posted(ShopUpdate update, UpdateQuota quota) {
	}

}
