package io.microshop.shop;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.shop.persistence.ShopRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suspension of shops from new orders. This module keeps the state and checkout reads it
 * with the listing ({@link Listing#shopSuspended()}); who suspends and reinstates, and the
 * audit of it, is trust's to decide, so the changes join the caller's transaction.
 */
@Service
public class ShopSuspensions {

	private final ShopRows rows;

	private final Clock clock;

	ShopSuspensions(ShopRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * The shop with its row locked until the caller's transaction ends: decisions about one
	 * shop's standing then run one after the other, each seeing what the previous committed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Shop> lock(UUID shopId) {
		return rows.lockShop(shopId);
	}

	/** Suspends the shop from new orders: 404 when unknown, 409 when already suspended. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Shop suspend(UUID shopId, String reason) {
		Shop shop = rows.lockShop(shopId).orElseThrow(() -> Problem.notFound("The shop"));
		if (!rows.suspend(shopId, reason, clock.instant())) {
			throw Problem.conflict("already-suspended", "Already suspended",
					"This shop is already suspended since " + shop.suspendedAt() + ".");
		}
		return rows.findShop(shopId).orElseThrow();
	}

	/** Lets the shop take orders again: 404 when unknown, 409 when it is not suspended. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Shop reinstate(UUID shopId) {
		rows.lockShop(shopId).orElseThrow(() -> Problem.notFound("The shop"));
		if (!rows.reinstate(shopId)) {
			throw Problem.conflict("not-suspended", "Not suspended", "This shop is not suspended.");
		}
		return rows.findShop(shopId).orElseThrow();
	}

	/** Shops by standing ({@code null}: all), the most recently suspended first. */
	@Transactional(readOnly = true)
	public PageOf<Shop> page(Boolean suspended, PageRequest page) {
		return new PageOf<>(rows.shops(suspended, page.size(), page.offset()), page.page(), page.size(),
				rows.countShops(suspended));
	}

}
