package io.microshop.shop;

import java.time.Instant;
import java.util.UUID;

/** A short note a seller posted to the shop's followers. */
public record ShopUpdate(UUID id, UUID shopId, String shopName, String shopSlug, String text, Instant createdAt) {
}
