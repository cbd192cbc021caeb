package io.microshop.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/** A supplier's edit of one SKU; absent fields stay as they are. */
public record SkuChange(@PositiveOrZero @Max(1_000_000_000) Integer stock,
		@PositiveOrZero @Max(100_000_000) Long supplyPrice, @Min(1) @Max(100_000_000) Long minRetailPrice) {

	public boolean isEmpty() {
		return stock == null && supplyPrice == null && minRetailPrice == null;
	}

}
