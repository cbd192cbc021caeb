package io.microshop.shop;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A supplier product offered in a shop, with the shop's price and the live stock per SKU.
 * Also what checkout needs: supply prices and floors, the supplier, the shipping fee, and
 * whether the shop is suspended (then it takes no new orders).
 */
public record Listing(UUID id, UUID shopId, String shopName, String shopSlug, boolean shopVerified,
		boolean shopSuspended, UUID productId, UUID supplierId, String title, String description,
		List<String> imageUrls, long shippingFee, String currency, List<ListedSku> skus) {

	public String url() {
		return "/l/" + id;
	}

	public Optional<ListedSku> sku(UUID skuId) {
		return skus.stream().filter(s -> s.id().equals(skuId)).findFirst();
	}

	public long fromPrice() {
		return skus.stream().mapToLong(ListedSku::price).min().orElse(0);
	}

	/** One SKU as listed: {@code available} is the shared stock right now. */
	public record ListedSku(UUID id, String name, long price, int available, long supplyPrice, long minRetailPrice) {
	}

}
