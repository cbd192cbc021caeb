package io.microshop.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens seen in the last few seconds, so the API does not read the token table on every
 * request. A revoked token stops working at once on the node that revoked it and within
 * {@link #TTL} on the others; unknown tokens are never remembered.
 */
final class RecentTokens {

	static final Duration TTL = Duration.ofSeconds(5);

	private static final int MAX_ENTRIES = 50_000;

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

	Optional<AccountPrincipal> get(String tokenHash) {
		Entry entry = entries.get(tokenHash);
		if (entry == null) {
			return Optional.empty();
		}
		if (System.nanoTime() - entry.seenAt() > TTL.toNanos()) {
			entries.remove(tokenHash, entry);
			return Optional.empty();
		}
		return Optional.of(entry.principal());
	}

	void remember(String tokenHash, AccountPrincipal principal) {
		if (entries.size() >= MAX_ENTRIES) {
			entries.clear();
		}
		entries.put(tokenHash, new Entry(principal, System.nanoTime()));
	}

	void forget(String tokenHash) {
		entries.remove(tokenHash);
	}

	private record Entry(AccountPrincipal principal, long seenAt) {
	}

}
