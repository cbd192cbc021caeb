package io.microshop.fission;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A seller's group deal: this SKU of this listing at the group price when enough buyers pay in time. */
public record GroupDeal(UUID id, UUID shopId, UUID listingId, UUID skuId, long groupPrice, int groupSize,
		Duration window, Instant createdAt) {
}
