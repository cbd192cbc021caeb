package io.microshop.shop;

import java.util.UUID;

/** A seller's micro-shop. */
public record Shop(UUID id, UUID ownerAccountId, String name, String slug, boolean verified,
		int level1CommissionBps, int level2CommissionBps) {

	public String url() {
		return "/s/" + slug;
	}

}
