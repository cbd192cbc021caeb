package io.microshop.ordering.web;

import java.time.Duration;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.ratelimit.RateLimit;
import io.microshop.platform.ratelimit.RateLimits;

import org.springframework.stereotype.Component;

/**
 * Orders a buyer may place, through the API or the page checkout alike: setting
 * {@code microshop.rate-limits.orders}, default 120 a minute per account. Checked before the
 * order's transaction (one extra short transaction, about three round trips), so a refused
 * order reserves no stock.
 */
@Component
class OrderPlacementLimit {

	private final RateLimit limit;

	OrderPlacementLimit(RateLimits rateLimits) {
		this.limit = rateLimits.named("orders", 120, Duration.ofMinutes(1));
	}

	void check(AccountPrincipal buyer) {
		limit.check(buyer.accountId());
	}

}
