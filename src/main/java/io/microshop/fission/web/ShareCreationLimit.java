package io.microshop.fission.web;

import java.time.Duration;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.ratelimit.RateLimit;
import io.microshop.platform.ratelimit.RateLimits;

import org.springframework.stereotype.Component;

/**
 * Share links an account may create: setting {@code microshop.rate-limits.shares}, default 100
 * an hour per account. Opening the share sheet counts as one, since it may create a link per
 * channel.
 */
@Component
class ShareCreationLimit {

	private final RateLimit limit;

	ShareCreationLimit(RateLimits rateLimits) {
		this.limit = rateLimits.named("shares", 100, Duration.ofHours(1));
	}

	void check(AccountPrincipal sharer) {
		limit.check(sharer.accountId());
	}

}
