package io.microshop.fission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.microshop.fission.FraudRules.Hit;
import io.microshop.fission.persistence.SignalRows;
import io.microshop.fission.persistence.SignalRows.Rule;
import io.microshop.fission.persistence.SignalRows.Surroundings;
import io.microshop.ordering.OrderEvents.OrderCancelled;
import io.microshop.ordering.OrderEvents.OrderPlaced;
import io.microshop.ordering.OrderEvents.OrderRefunded;

import org.springframework.stereotype.Component;

/**
 * Finds fraud signals in ordering's events, after their transactions committed (placing an
 * order costs it nothing but the event's publication), and flags every order of a cluster,
 * the earlier ones too ({@link FraudFlags#raise}: idempotent, and it revokes what a flagged
 * order earned). The rules, with {@link FraudSettings}:
 * <ul>
 * <li>BURST: one buyer placed {@code burstOrders} orders at one shop within {@code burstWindow};
 * <li>SHARED_ADDRESS / SHARED_DEVICE: one normalised ship-to address (kept as a hash) / one
 * device cookie used by {@code sharedAccounts} buyer accounts at one shop within
 * {@code sharedWindow};
 * <li>REFUND_LOOP: {@code refundLoops} orders of one buyer at one shop paid and refunded in
 * full (or cancelled after payment) within {@code refundWindow}: those orders, and the buyer's
 * orders there until {@code refundWindow} after the last of those refunds.
 * </ul>
 * The windows are the orders' own times, so events handled late or out of order give the
 * same flags; one shop's events are judged one at a time (a lock per shop), so no cluster
 * slips between two concurrent judgements.
 */
@Component
class FraudSignals {

	private final SignalRows signals;

	private final FraudFlags flags;

	private final FraudSettings settings;

	FraudSignals(SignalRows signals, FraudFlags flags, FraudSettings settings) {
		this.signals = signals;
		this.flags = flags;
		this.settings = settings;
	}

	@FraudDetection.Listener
	void on(OrderPlaced placed) {
		UUID shop = placed.shopId();
		String address = addressHash(placed.shipTo());
		signals.lockShopAndInsertPlaced(placed.orderId(), shop, placed.buyerId(), address, placed.deviceId(),
				placed.at());
		Duration burst = settings.burstWindow();
		Duration shared = settings.sharedWindow();
		Surroundings around = signals.surroundings(shop, placed.buyerId(), address, placed.deviceId(), placed.at(),
				burst, shared);

		flag(shop, around.ofBuyer(), burst, settings.burstOrders(), FraudKind.BURST, "buyer " + placed.buyerId()
				+ " placed " + settings.burstOrders() + " or more orders at this shop within " + human(burst));
		flag(shop, around.toAddress(), shared, settings.sharedAccounts(), FraudKind.SHARED_ADDRESS,
				"one ship-to address used by " + settings.sharedAccounts()
						+ " or more buyer accounts at this shop within " + human(shared));
		flag(shop, around.fromDevice(), shared, settings.sharedAccounts(), FraudKind.SHARED_DEVICE,
				"one device used by " + settings.sharedAccounts() + " or more buyer accounts at this shop within "
						+ human(shared));
		refundLoop(shop, placed.buyerId(), around.refunds());
	}

	/** Only orders that had been paid: no publication is stored for the others. */
	@FraudDetection.Listener(condition = "#p0.refunded()")
	void on(OrderCancelled cancelled) {
		refunded(cancelled.orderId(), cancelled.shopId(), cancelled.at());
	}

	/** Only refunds in full count: a partial refund (a complaint upheld in part) is no loop. */
	@FraudDetection.Listener(condition = "#p0.full()")
	void on(OrderRefunded refunded) {
		refunded(refunded.orderId(), refunded.shopId(), refunded.at());
	}

	private void refunded(UUID orderId, UUID shop, Instant at) {
		signals.lockShop(shop);
		signals.insertRefunded(orderId, shop, at);
		// an order whose placing was not handled yet is judged when it is: that looks at refunds too
		signals.buyerOf(orderId).ifPresent(buyer -> refundLoop(shop, buyer, signals.refundsOfBuyer(shop, buyer)));
	}

	/** The buyer's refunds at the shop; a loop flags its orders and the buyer's orders since, for a while. */
	private void refundLoop(UUID shop, UUID buyer, List<Hit> refunds) {
		Duration window = settings.refundWindow();
		Set<UUID> loop = FraudRules.clustered(refunds, window, settings.refundLoops());
		if (loop.isEmpty()) {
			return;
		}
		List<Hit> looped = refunds.stream().filter(h -> loop.contains(h.orderId())).toList();
		Instant first = looped.stream().map(Hit::at).min(Comparator.naturalOrder()).orElseThrow();
		Instant last = looped.stream().map(Hit::at).max(Comparator.naturalOrder()).orElseThrow();
		Set<UUID> orders = new LinkedHashSet<>(loop);
		// and the buyer's orders placed while the loop went on, or within a refund window after it
		signals.ordersOfBuyer(shop, buyer, first, last.plus(window)).forEach(h -> orders.add(h.orderId()));
		flags.raise(shop, orders, FraudKind.REFUND_LOOP, "buyer " + buyer + " had " + loop.size()
				+ " paid orders at this shop refunded within " + human(window), last);
	}

	/** Flags the rule's clustered orders that do not carry its flag yet (a big cluster is flagged once). */
	private void flag(UUID shop, Rule rule, Duration window, int min, FraudKind kind, String detail) {
		Set<UUID> clustered = FraudRules.clustered(rule.hits(), window, min);
		clustered.removeAll(rule.flagged());
		if (!clustered.isEmpty()) {
			Instant at = rule.hits().stream().map(Hit::at).max(Comparator.naturalOrder()).orElseThrow();
			flags.raise(shop, clustered, kind, detail, at);
		}
	}

	/** Two spellings of one place have one hash; the address itself stays with the order. */
	static String addressHash(String normalised) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest((normalised == null ? "" : normalised).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String human(Duration d) {
		if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
			return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
		}
		if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
			return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
		}
		return d.toMinutes() + " minutes";
	}

}
