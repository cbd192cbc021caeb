package io.microshop.fission;

import java.time.Instant;
import java.util.UUID;

/**
 * An account that joined a shop as a promoter. {@code code} is what it gives to the people
 * it recruits; {@code recruiterId} the promoter that recruited it (null at level 1).
 */
public record Promoter(UUID id, UUID shopId, UUID accountId, String code, UUID recruiterId, int level,
		Instant createdAt) {
}
