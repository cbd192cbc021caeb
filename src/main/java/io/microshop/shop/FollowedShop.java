package io.microshop.shop;

import java.time.Instant;
import java.util.UUID;

/** A shop an account follows, and whether its updates are muted in the account's feed. */
public record FollowedShop(UUID shopId, String shopName, String shopSlug, boolean muted, Instant since) {
}
