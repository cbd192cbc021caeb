package io.microshop.fission;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A shop's fission: the totals, the same broken down by channel (every channel present,
 * zeros included, in {@link Channel} order), the viral coefficient (see
 * {@link FissionStats#ofShop}) and its best links.
 */
public record ShopFission(UUID shopId, ShareStats total, double viralCoefficient, Map<Channel, ShareStats> byChannel,
		List<LinkStats> topLinks) {

	/** One link with its funnel. */
	public record LinkStats(ShareLink link, ShareStats stats) {
	}

}
