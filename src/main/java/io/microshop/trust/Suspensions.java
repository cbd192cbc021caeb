package io.microshop.trust;

import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.audit.AuditLog;
import io.microshop.shop.Shop;
import io.microshop.shop.ShopSuspensions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' review of shops' standing: the queue of suspended shops, lifting a suspension
 * after review, and suspending a shop by hand. Every action needs a reason and is written to
 * the audit log in its own transaction.
 */
@Service
public class Suspensions {

	static final int MAX_REASON = 1000;

	private final ShopSuspensions shops;

	private final Reputation reputation;

	private final AuditLog audit;

	Suspensions(ShopSuspensions shops, Reputation reputation, AuditLog audit) {
		this.shops = shops;
		this.reputation = reputation;
		this.audit = audit;
	}

	/** Shops by standing ({@code null}: all), the most recently suspended first. */
	@Transactional(readOnly = true)
	public PageOf<ShopStanding> page(Boolean suspended, PageRequest page) {
		return shops.page(suspended, page).map(this::standing);
	}

	/** Lets a suspended shop take orders again: 422 without a reason, 404 unknown, 409 not suspended. */
	@Transactional
	public ShopStanding reinstate(UUID shopId, AccountPrincipal operator, String reason) {
		String why = reason(operator, reason);
		String before = shops.lock(shopId).map(Shop::suspensionReason).orElse(null);
		Shop shop = shops.reinstate(shopId);
		audit.record(operator.accountId(), "shop.reinstate", "shop", shopId.toString(), why,
				before == null ? null : "was suspended: " + before);
		return standing(shop);
	}

	/** Suspends a shop from new orders by hand: 422 without a reason, 404 unknown, 409 already suspended. */
	@Transactional
	public ShopStanding suspend(UUID shopId, AccountPrincipal operator, String reason) {
		String why = reason(operator, reason);
		Shop shop = shops.suspend(shopId, why);
		audit.record(operator.accountId(), "shop.suspend", "shop", shopId.toString(), why, "by an operator");
		return standing(shop);
	}

	private ShopStanding standing(Shop shop) {
		return ShopStanding.of(shop, reputation.complaintRate(shop.id()));
	}

	private static String reason(AccountPrincipal operator, String reason) {
		if (operator == null || !operator.operator()) {
			throw Problem.forbidden("Only operators review shops.");
		}
		if (reason == null || reason.isBlank()) {
			throw Problem.invalidField("reason", "is required: it is kept in the audit log");
		}
		if (reason.strip().length() > MAX_REASON) {
			throw Problem.invalidField("reason", "must be at most " + MAX_REASON + " characters");
		}
		return reason.strip();
	}

}
