package io.microshop.catalog;

import java.util.List;
import java.util.UUID;

/** A supplier's product, published once and listed by any number of shops. */
public record Product(UUID id, UUID supplierId, String supplierName, String title, String description,
		List<String> imageUrls, long shippingFee, String currency, List<Sku> skus) {

	public java.util.Optional<Sku> sku(UUID skuId) {
		return skus.stream().filter(s -> s.id().equals(skuId)).findFirst();
	}

}
