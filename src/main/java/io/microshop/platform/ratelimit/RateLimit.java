package io.microshop.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.microshop.platform.Problem;

/**
 * One named limit: at most {@code capacity} requests per {@code period} for one key (a phone
 * number, an account). The whole allowance comes back at once when the period has passed
 * since the bucket's last refill, so 60 per minute reads as it says. The bucket is a row in
 * PostgreSQL, shared by every node.
 */
public final class RateLimit {

	private static final String TYPE = "rate-limited";

	private final String name;

	private final long capacity;

	private final Duration period;

	private final ProxyManager<String> buckets;

	private final BucketConfiguration configuration;

	RateLimit(String name, long capacity, Duration period, ProxyManager<String> buckets) {
		if (capacity < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("Rate limit " + name + " needs a positive capacity and period");
		}
		this.name = name;
		this.capacity = capacity;
		this.period = period;
		this.buckets = buckets;
		this.configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, period))
			.build();
	}

	public String name() {
		return name;
	}

	public long capacity() {
		return capacity;
	}

	public Duration period() {
		return period;
	}

	/**
	 * Takes one request from the key's allowance, or refuses with a 429 problem whose
	 * {@code Retry-After} says when the allowance comes back. One short transaction on a
	 * connection of its own ({@code SELECT ... FOR UPDATE}, {@code UPDATE}, commit): call it
	 * before the work's own transaction, so a refusal changes nothing and a connection is never
	 * held while waiting for another.
	 */
	public void check(Object key) {
		ConsumptionProbe probe = buckets.builder()
			.build(bucketKey(key), () -> configuration)
			.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
			throw Problem.tooManyRequests(TYPE, "Too many requests",
					"Too many attempts; try again in " + describe(wait) + ".", wait);
		}
	}

	/**
	 * Refuses (429, with {@code Retry-After}) when the key's allowance is used up, without
	 * taking from it: for limits that count only failures, checked before the attempt.
	 */
	public void requireAllowance(Object key) {
		var probe = buckets.builder().build(bucketKey(key), () -> configuration).estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
			throw Problem.tooManyRequests(TYPE, "Too many requests",
					"Too many failed attempts; try again in " + describe(wait) + ".", wait);
		}
	}

	/** Takes one from the key's allowance if any is left: records a failed attempt. */
	public void record(Object key) {
		buckets.builder().build(bucketKey(key), () -> configuration).tryConsume(1);
	}

	/**
	 * The capacity and period are part of the key, so a changed setting starts fresh buckets
	 * instead of meeting a bucket stored under the old one.
	 */
	private String bucketKey(Object key) {
		String raw = String.valueOf(key);
		// the key may be what a caller typed (a phone number): keep it short and printable
		String safe = raw.length() <= 64 && raw.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? raw
				: "sha256:" + sha256(raw);
		return name + ":" + capacity + "/" + period + ":" + safe;
	}

	private static String describe(Duration wait) {
		long seconds = Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
		if (seconds < 120) {
			return seconds + (seconds == 1 ? " second" : " seconds");
		}
		return (seconds + 59) / 60 + " minutes";
	}

	private static String sha256(String text) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
