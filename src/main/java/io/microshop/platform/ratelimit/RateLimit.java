package io.microshop.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.microshop.platform.Problem;

/**
 * One named limit: at most {@code capacity} requests per {@code period} for one key (a phone
 * number, an account). The whole allowance comes back at once when the period has passed
 * since the bucket's last refill, so 60 per minute reads as it says. The bucket is a row in
 * PostgreSQL, shared by every node.
 * <p>
 * A generous limit (at least {@link #LEASE_FROM} per period) is taken from its bucket a
 * twentieth at a time: the node keeps the rest as a lease and spends it without asking the
 * database again, until the lease is used up or the bucket would have been full again. The
 * database still holds the limit (nothing is spent that was not taken from the bucket); the
 * price is that a caller whose requests land on several nodes may be refused up to a lease
 * per node early. Small limits (sign-in codes, tests' limits) are taken one at a time.
 */
public final class RateLimit {

	private static final String TYPE = "rate-limited";

	/** Limits of this capacity and more are leased in twentieths. */
	static final long LEASE_FROM = 40;

	/** Leases kept before the expired ones are swept out of memory. */
	private static final int LEASES_KEPT = 4096;

	private final String name;

	private final long capacity;

	private final Duration period;

	private final ProxyManager<String> buckets;

	private final BucketConfiguration configuration;

	private final long lease;

	private final Map<String, Lease> leases = new ConcurrentHashMap<>();

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
		this.lease = capacity >= LEASE_FROM ? capacity / 20 : 1;
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
		String bucketKey = bucketKey(key);
		if (lease > 1 && takeLeased(bucketKey)) {
			return;
		}
		ConsumptionProbe probe = bucket(bucketKey).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
			throw Problem.tooManyRequests(TYPE, "Too many requests",
					"Too many attempts; try again in " + describe(wait) + ".", wait);
		}
	}

	/**
	 * Spends one request from this node's lease on the key, taking a fresh lease from the
	 * bucket when it is used up. One thread per key takes it while the others wait and then
	 * spend from it: requests arriving together must not each take a lease, which would empty
	 * the bucket into leases that overwrite one another.
	 */
	private boolean takeLeased(String bucketKey) {
		Lease held = leaseFor(bucketKey);
		if (held.take()) {
			return true;
		}
		synchronized (held) {
			if (held.take()) {
				return true;
			}
			ConsumptionProbe leased = bucket(bucketKey).tryConsumeAndReturnRemaining(lease);
			if (!leased.isConsumed()) {
				return false;
			}
			held.renew(lease - 1, System.nanoTime() + leased.getNanosToWaitForReset());
			return true;
		}
	}

	/**
	 * Refuses (429, with {@code Retry-After}) when the key's allowance is used up, without
	 * taking from it: for limits that count only failures, checked before the attempt.
	 */
	public void requireAllowance(Object key) {
		var probe = bucket(bucketKey(key)).estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
			throw Problem.tooManyRequests(TYPE, "Too many requests",
					"Too many failed attempts; try again in " + describe(wait) + ".", wait);
		}
	}

	/** Takes one from the key's allowance if any is left: records a failed attempt. */
	public void record(Object key) {
		bucket(bucketKey(key)).tryConsume(1);
	}

	private BucketProxy bucket(String bucketKey) {
		return buckets.builder().build(bucketKey, () -> configuration);
	}

	private Lease leaseFor(String bucketKey) {
		if (leases.size() >= LEASES_KEPT) {
			leases.values().removeIf(Lease::expired);
		}
		return leases.computeIfAbsent(bucketKey, k -> new Lease());
	}

	/**
	 * Requests taken from the bucket and not spent yet, good until the bucket would be full
	 * again (what is left then lapses, so no period allows more than the capacity).
	 */
	private static final class Lease {

		private final AtomicLong left = new AtomicLong();

		private volatile long until = System.nanoTime();

		/** Called by the one thread holding this lease's monitor, when it is spent. */
		void renew(long requests, long expires) {
			until = expires;
			left.set(requests);
		}

		boolean take() {
			return !expired() && left.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
		}

		boolean expired() {
			return System.nanoTime() - until >= 0;
		}

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
