package io.microshop.catalog.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.microshop.catalog.ImageSize;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of product images: which stored files make each image, and the product's list of addresses. */
@Repository
public class ImageRows {

	private final JdbcClient jdbc;

	ImageRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean productOf(UUID productId, UUID supplierId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM products WHERE id = ? AND supplier_id = ?)")
			.params(productId, supplierId)
			.query(Boolean.class)
			.single();
	}

	public int imageCount(UUID productId) {
		return jdbc.sql("SELECT cardinality(image_urls) FROM products WHERE id = ? FOR UPDATE")
			.param(productId)
			.query(Integer.class)
			.single();
	}

	public void insert(UUID id, UUID productId, UUID supplierId, int width, int height, Map<ImageSize, String> keys,
			Instant now) {
		jdbc.sql("""
				INSERT INTO product_images (id, product_id, supplier_id, width, height, thumb_key, card_key, full_key,
					created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, productId, supplierId, width, height, keys.get(ImageSize.THUMB), keys.get(ImageSize.CARD),
					keys.get(ImageSize.FULL), Timestamp.from(now))
			.update();
	}

	public void appendImageUrl(UUID productId, String url) {
		jdbc.sql("UPDATE products SET image_urls = array_append(image_urls, ?::text) WHERE id = ?")
			.params(url, productId)
			.update();
	}

	public Optional<String> key(UUID imageId, ImageSize size) {
		String column = switch (size) {
			case THUMB -> "thumb_key";
			case CARD -> "card_key";
			case FULL -> "full_key";
		};
		return jdbc.sql("SELECT " + column + " FROM product_images WHERE id = ?")
			.param(imageId)
			.query(String.class)
			.optional();
	}

}
