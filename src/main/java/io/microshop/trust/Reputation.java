package io.microshop.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.microshop.ordering.OrderQueries;
import io.microshop.platform.audit.AuditLog;
import io.microshop.shop.Shop;
import io.microshop.shop.ShopReputation;
import io.microshop.shop.ShopSuspensions;
import io.microshop.trust.persistence.ReputationRows;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shops' complaint rates and the suspension they trigger. The rate is the complaints an
 * operator upheld (partial or full refund) over the orders the shop received (paid), both in
 * the last 90 days. A shop with at least 20 such orders whose rate rises above
 * {@code microshop.trust.suspend-complaint-rate} is suspended from new orders by the decision
 * that took it there; only an operator lifts it, and only a later upheld complaint that keeps
 * the rate above the threshold suspends it again.
 */
@Service
public class Reputation implements ShopReputation {

	static final Duration WINDOW = Duration.ofDays(90);

	static final int MIN_ORDERS = 20;

	/**
	 * The actor of an automatic suspension when no deciding operator can be found: the audit
	 * log wants someone, and this id belongs to no account.
	 */
	static final UUID SYSTEM = new UUID(0L, 0L);

	private final ReputationRows rows;

	private final OrderQueries orders;

	private final ShopSuspensions suspensions;

	private final AuditLog audit;

	private final Clock clock;

	private final double suspendAbove;

	Reputation(ReputationRows rows, OrderQueries orders, ShopSuspensions suspensions, AuditLog audit, Clock clock,
			@Value("${microshop.trust.suspend-complaint-rate:0.05}") double suspendAbove) {
		if (!(suspendAbove >= 0 && suspendAbove <= 1)) {
			throw new IllegalArgumentException("microshop.trust.suspend-complaint-rate must be within 0..1");
		}
		this.rows = rows;
		this.orders = orders;
		this.suspensions = suspensions;
		this.audit = audit;
		this.clock = clock;
		this.suspendAbove = suspendAbove;
	}

	@Override
	@Transactional(readOnly = true)
	public double complaintRate(UUID shopId) {
		return standing(shopId).rate();
	}

	/**
	 * An operator upheld a complaint against this shop (partial or full refund), in that
	 * decision's transaction and after the complaint is written as decided, so that it counts.
	 * The deciding operator is taken from that complaint for the audit log.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void afterUpheldComplaint(UUID shopId) {
		// one decision about a shop at a time: a concurrent one waits, then counts this one too
		Shop shop = suspensions.lock(shopId).orElse(null);
		if (shop == null || shop.suspended()) {
			return;
		}
		Standing standing = standing(shopId);
		if (standing.orders() < MIN_ORDERS || standing.rate() <= suspendAbove) {
			return;
		}
		String reason = String.format(Locale.ROOT,
				"Complaint rate %.1f%% (%d upheld complaints over %d orders in the last 90 days) is above %.1f%%.",
				standing.rate() * 100, standing.upheld(), standing.orders(), suspendAbove * 100);
		suspensions.suspend(shopId, reason);
		audit.record(rows.latestUpholder(shopId).orElse(SYSTEM), "shop.suspend", "shop", shopId.toString(), reason,
				"automatic, after an upheld complaint");
	}

	private Standing standing(UUID shopId) {
		Instant since = clock.instant().minus(WINDOW);
		long received = orders.paidOrdersSince(shopId, since);
		return new Standing(received == 0 ? 0 : rows.upheldSince(shopId, since), received);
	}

	/** Upheld complaints and orders received in the window. */
	record Standing(long upheld, long orders) {

		/** Within [0, 1]: a complaint decided now may be about an order received before the window. */
		double rate() {
			return orders == 0 ? 0.0 : Math.min(1.0, (double) upheld / orders);
		}

	}

}
