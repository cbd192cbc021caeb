package io.microshop.fission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When orders are flagged, {@code microshop.trust.fraud.*}: {@code burstOrders} orders of one
 * buyer at one shop within {@code burstWindow} (3 in 1 hour); one address or one device used by
 * {@code sharedAccounts} buyer accounts at one shop within {@code sharedWindow} (5 in 30 days: a
 * household of a few accounts sharing a flat or a tablet is no fraud);
 * {@code refundLoops} orders of one buyer at one shop paid and refunded within
 * {@code refundWindow} (3 in 30 days), which also flags that buyer's orders there for another
 * {@code refundWindow}.
 */
@ConfigurationProperties("microshop.trust.fraud")
public record FraudSettings(Integer burstOrders, Duration burstWindow, Integer sharedAccounts, Duration sharedWindow,
		Integer refundLoops, Duration refundWindow) {

	public FraudSettings {
		burstOrders = atLeastTwo(burstOrders, 3, "burst-orders");
		burstWindow = positive(burstWindow, Duration.ofHours(1), "burst-window");
		sharedAccounts = atLeastTwo(sharedAccounts, 5, "shared-accounts");
		sharedWindow = positive(sharedWindow, Duration.ofDays(30), "shared-window");
		refundLoops = atLeastTwo(refundLoops, 3, "refund-loops");
		refundWindow = positive(refundWindow, Duration.ofDays(30), "refund-window");
	}

	private static Integer atLeastTwo(Integer value, int fallback, String name) {
		if (value != null && value < 2) {
			// one order, or one account, is never a cluster
			throw new IllegalArgumentException("microshop.trust.fraud." + name + " must be at least 2, got " + value);
		}
		return value == null ? fallback : value;
	}

	private static Duration positive(Duration value, Duration fallback, String name) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw new IllegalArgumentException("microshop.trust.fraud." + name + " must be positive, got " + value);
		}
		return value == null ? fallback : value;
	}

}
