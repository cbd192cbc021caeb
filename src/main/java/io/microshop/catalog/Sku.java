package io.microshop.catalog;

import java.util.UUID;

/** A sellable variant: what the supplier is paid, the lowest retail price, the shared stock. */
public record Sku(UUID id, UUID productId, String code, String name, long supplyPrice, long minRetailPrice,
		int stock) {
}
