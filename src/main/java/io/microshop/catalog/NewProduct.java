package io.microshop.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What a supplier sends to publish a product. */
public record NewProduct(@NotBlank @Size(max = 200) String title, @Size(max = 5000) String description,
		@Size(max = 10) List<@NotBlank @Size(max = 500) @Pattern(regexp = "^(/|https://).*",
				message = "must be a site path or an https address") String> imageUrls,
		@NotNull @PositiveOrZero @Max(100_000_000) Long shippingFee,
		@NotEmpty @Size(max = 50) List<@Valid @NotNull NewSku> skus) {

	public record NewSku(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 100) String name,
			@NotNull @PositiveOrZero @Max(100_000_000) Long supplyPrice,
			@NotNull @Min(1) @Max(100_000_000) Long minRetailPrice,
			@NotNull @PositiveOrZero @Max(1_000_000_000) Integer stock) {
	}

}
