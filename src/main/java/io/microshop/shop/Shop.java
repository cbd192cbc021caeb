package io.microshop.shop;

import java.time.Instant;
import java.util.UUID;

/**
 * A seller's micro-shop. A suspended shop ({@code suspendedAt} set, with the reason) takes no
 * new orders until an operator reinstates it.
 */
public record Shop(UUID id, UUID ownerAccountId, String name, String slug, boolean verified,
		int level1CommissionBps, int level2CommissionBps, Instant suspendedAt, String suspensionReason) {

	public boolean suspended() {
		return suspendedAt != null;
	}

	public String url() {
		return "/s/" + slug;
	}

}
