package io.microshop.ordering.web;

import java.time.Duration;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.Ordering;
import io.microshop.platform.Problem;
import io.microshop.platform.ratelimit.RateLimit;
import io.microshop.platform.ratelimit.RateLimits;

import org.springframework.stereotype.Component;

/**
 * Orders a buyer may place, through the API or the page checkout alike: setting
 * {@code microshop.rate-limits.orders}, default 600 a minute per account. A person places a few
 * orders a minute at most, so this stops runaway scripts, not shoppers or an integration's
 * bursts; hoarding stock with unpaid orders is bounded by the payment timeout and flagged as a
 * burst by fraud detection. Checked before the order's transaction (the limit is leased: one
 * short transaction in thirty orders), so a refused order reserves no stock.
 */
@Component
class OrderPlacementLimit {

	private final RateLimit limit;

	private final Ordering ordering;

	OrderPlacementLimit(RateLimits rateLimits, Ordering ordering) {
		this.limit = rateLimits.named("orders", 600, Duration.ofMinutes(1));
		this.ordering = ordering;
	}

	/**
	 * Refuses (429) a buyer past the limit, unless the request retries an order already placed
	 * under its {@code Idempotency-Key}: an app that retries a checkout is owed the first
	 * answer, not a refusal, however often it asks. The key is looked up only once the limit
	 * refuses, so an ordinary order pays nothing for it.
	 */
	void check(AccountPrincipal buyer, String idempotencyKey) {
		try {
			limit.check(buyer.accountId());
		}
		catch (Problem refused) {
			if (idempotencyKey == null || !ordering.keyUsed(buyer, idempotencyKey)) {
				throw refused;
			}
		}
	}

}
