package io.microshop.fission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

	/**
	 * The orders that belong to at least one window of {@code window} with {@code min} distinct
	 * whos. One pass over the orders in time order: the window's end only moves forward, the
	 * whos in it are counted as it slides, and each order is flagged at most once, so a cluster
	 * of thousands costs thousands of steps, not millions.
	 */
	public static Set<UUID> clustered(List<Hit> hits, Duration window, int min) {
		List<Hit> sorted = new ArrayList<>(hits);
		sorted.sort(Comparator.comparing(Hit::at).thenComparing(Hit::orderId));
		Set<UUID> flagged = new LinkedHashSet<>();
		Map<Object, Integer> inWindow = new HashMap<>();
		int end = 0;
		int flaggedUpTo = 0;
		for (int start = 0; start < sorted.size(); start++) {
			Instant last = sorted.get(start).at().plus(window);
			while (end < sorted.size() && !sorted.get(end).at().isAfter(last)) {
				inWindow.merge(sorted.get(end).who(), 1, Integer::sum);
				end++;
			}
			if (inWindow.size() >= min) {
				for (int i = Math.max(start, flaggedUpTo); i < end; i++) {
					flagged.add(sorted.get(i).orderId());
				}
				flaggedUpTo = end;
			}
			inWindow.computeIfPresent(sorted.get(start).who(), (who, n) -> n == 1 ? null : n - 1);
		}
		return flagged;
	}

}
