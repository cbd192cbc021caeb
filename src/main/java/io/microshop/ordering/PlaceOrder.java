package io.microshop.ordering;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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

	/** What a share link's {@code ms_ref} cookie may hold: a code, nothing else. */
	private static final Pattern SHARE_COOKIE = Pattern.compile("^[0-9A-Za-z]{4,32}$");

	/**
	 * This order attributed to the share link the browser last opened ({@code ms_ref}, set by
	 * {@code /r/{code}} for seven days) when it names no share code itself: last click wins,
	 * and a code in the order wins over the cookie. Whether the code counts (an existing link
	 * of the order's own shop) is fission's to decide.
	 */
	public PlaceOrder sharedBy(String lastOpenedLink) {
		if (shareCode != null || lastOpenedLink == null || !SHARE_COOKIE.matcher(lastOpenedLink).matches()) {
			return this;
		}
		return new PlaceOrder(listingId, items, shipTo, lastOpenedLink, groupDealId, groupId);
	}

	public record Item(@NotNull UUID skuId, @NotNull @Min(1) @Max(999) Integer quantity) {
	}

	public record ShipTo(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 32) String phone,
			@NotBlank @Size(max = 500) String address) {
	}

}
