package io.microshop.catalog;

import java.util.UUID;

/** An upstream brand or wholesaler; any account may register one. */
public record Supplier(UUID id, UUID ownerAccountId, String name, boolean verified) {
}
