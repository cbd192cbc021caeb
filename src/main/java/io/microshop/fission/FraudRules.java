package io.microshop.fission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Finding clusters, with nothing but the orders given and no I/O. A cluster is every order in
 * some window of the given length holding at least {@code min} distinct whos (orders for a
 * burst, buyer accounts for a shared address or device). The windows slide over the orders'
 * own times, so the answer does not depend on the order in which their events were handled.
 */
public final class FraudRules {

	private FraudRules() {
	}

	/** One order as the rules see it: when, and who (the thing counted distinct). */
	public record Hit(UUID orderId, Object who, Instant at) {
	}

	/** The orders that belong to at least one window of {@code window} with {@code min} distinct whos. */
	public static Set<UUID> clustered(List<Hit> hits, Duration window, int min) {
		List<Hit> sorted = new ArrayList<>(hits);
		sorted.sort(Comparator.comparing(Hit::at).thenComparing(Hit::orderId));
		Set<UUID> flagged = new LinkedHashSet<>();
		for (int start = 0; start < sorted.size(); start++) {
			Instant end = sorted.get(start).at().plus(window);
			Set<Object> whos = new HashSet<>();
			int last = start;
			while (last < sorted.size() && !sorted.get(last).at().isAfter(end)) {
				whos.add(sorted.get(last).who());
				last++;
			}
			if (whos.size() >= min) {
				sorted.subList(start, last).forEach(h -> flagged.add(h.orderId()));
			}
		}
		return flagged;
	}

}
