package io.microshop.ordering;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A buyer's order for one listing. */
public record PlaceOrder(@NotNull UUID listingId, @NotEmpty @Size(max = 20) List<@Valid @NotNull Item> items,
		@NotNull @Valid ShipTo shipTo, @Size(max = 64) String shareCode, UUID groupDealId, UUID groupId) {

	public record Item(@NotNull UUID skuId, @NotNull @Min(1) @Max(999) Integer quantity) {
	}

	public record ShipTo(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 32) String phone,
			@NotBlank @Size(max = 500) String address) {
	}

}
