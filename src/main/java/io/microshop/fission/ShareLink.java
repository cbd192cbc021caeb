package io.microshop.fission;

import java.time.Instant;
import java.util.UUID;

/** A link one account shared for one listing on one channel; {@code code} is its public name. */
public record ShareLink(String code, UUID shopId, UUID listingId, UUID sharerAccountId, Channel channel,
		Instant createdAt) {

	/** Where the link points on this site: {@code /r/{code}}. */
	public String path() {
		return "/r/" + code;
	}

}
