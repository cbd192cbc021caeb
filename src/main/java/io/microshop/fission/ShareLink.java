package io.microshop.fission;

import java.time.Instant;
import java.util.UUID;

/**
 * A link one account shared for one listing (or one group buy of it, {@code groupId}) on one
 * channel; {@code code} is its public name.
 */
public record ShareLink(String code, UUID shopId, UUID listingId, UUID sharerAccountId, Channel channel,
		Instant createdAt, UUID groupId) {

	/** Where opening the link leads: the group page for a group buy, else the listing. */
	public String target() {
		return groupId != null ? "/g/" + groupId : "/l/" + listingId;
	}

	/** Where the link points on this site: {@code /r/{code}}. */
	public String path() {
		return "/r/" + code;
	}

}
