package io.microshop.catalog;

import java.util.UUID;

/** A quantity of one SKU to take from or give back to stock. */
public record StockLine(UUID skuId, int quantity) {
}
