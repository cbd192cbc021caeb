package io.microshop.shop;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A seller's request to list a supplier product with a price per SKU. */
public record NewListing(@NotNull UUID productId, @NotEmpty @Size(max = 50) List<@Valid @NotNull SkuPrice> prices) {

	public record SkuPrice(@NotNull UUID skuId, @NotNull @Positive @Max(100_000_000) Long price) {
	}

}
