package io.microshop.identity;

import java.time.Duration;

import io.microshop.platform.Problem;
import io.microshop.platform.ratelimit.RateLimit;
import io.microshop.platform.ratelimit.RateLimits;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Brute-force limits on signing in, per account (its phone number), across nodes: at most
 * {@code microshop.rate-limits.sign-in-failures} failed attempts an hour (default 100), and a
 * back-off after a run of failures ({@code sign-in-backoff}: 10 failures, then the next try
 * waits until the minute is over). Password and one-time-code failures count alike. Checked
 * before the attempt (429 with {@code Retry-After}, nothing checked), recorded after a failure.
 */
@Component
public class SignInGuard {

	private final RateLimit failures;

	private final RateLimit backoff;

	SignInGuard(RateLimits limits) {
		this.failures = limits.named("sign-in-failures", 100, Duration.ofHours(1));
		this.backoff = limits.named("sign-in-backoff", 10, Duration.ofMinutes(1));
	}

	/** Refuses the attempt while the account's failures are over a limit. */
	public void before(String phone) {
		failures.requireAllowance(phone);
		backoff.requireAllowance(phone);
	}

	/** Runs an attempt: a wrong password or code (401) is recorded against the account. */
	public <T> T attempt(String phone, java.util.function.Supplier<T> attempt) {
		before(phone);
		try {
			return attempt.get();
		}
		catch (Problem problem) {
			if (problem.status() == HttpStatus.UNAUTHORIZED) {
				failures.record(phone);
				backoff.record(phone);
			}
			throw problem;
		}
	}

}
