package io.microshop.shop;

import java.time.Instant;

/**
 * How many updates a shop may still post today: the cap, what was used, and when the day
 * (in the platform's zone, Asia/Shanghai) turns and the allowance comes back.
 */
public record UpdateQuota(int cap, int usedToday, Instant resetsAt) {

	public int remainingToday() {
		return Math.max(0, cap - usedToday);
	}

}
