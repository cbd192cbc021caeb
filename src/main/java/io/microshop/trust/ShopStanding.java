package io.microshop.trust;

import java.time.Instant;
import java.util.UUID;

import io.microshop.shop.Shop;

/** A shop as operators review it: whether it may take orders, why not, and its complaint rate. */
public record ShopStanding(UUID id, String name, String slug, String url, boolean verified, boolean suspended,
		Instant suspendedAt, String suspensionReason, double complaintRate) {

	static ShopStanding of(Shop shop, double complaintRate) {
		return new ShopStanding(shop.id(), shop.name(), shop.slug(), shop.url(), shop.verified(), shop.suspended(),
				shop.suspendedAt(), shop.suspensionReason(), complaintRate);
	}

}
