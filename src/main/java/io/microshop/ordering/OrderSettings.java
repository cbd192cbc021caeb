package io.microshop.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The order clock's settings, {@code microshop.orders.*}. */
@ConfigurationProperties("microshop.orders")
public record OrderSettings(Duration paymentTimeout, Duration autoReceiveAfter, Duration protectionWindow,
		Duration sweepInterval) {

	public OrderSettings {
		paymentTimeout = paymentTimeout == null ? Duration.ofMinutes(15) : paymentTimeout;
		autoReceiveAfter = autoReceiveAfter == null ? Duration.ofDays(7) : autoReceiveAfter;
		protectionWindow = protectionWindow == null ? Duration.ofDays(7) : protectionWindow;
		sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
	}

}
