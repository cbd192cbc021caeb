package io.microshop.catalog.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.microshop.catalog.NewProduct;
import io.microshop.catalog.Product;
import io.microshop.catalog.Sku;
import io.microshop.catalog.SkuChange;
import io.microshop.catalog.Supplier;
import io.microshop.platform.Ids;
import io.microshop.platform.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the catalog: suppliers, products, SKUs and stock. */
@Repository
public class CatalogRows {

	private final JdbcClient jdbc;

	CatalogRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertSupplier(Supplier s, Instant now) {
		jdbc.sql("INSERT INTO suppliers (id, owner_account_id, name, verified, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(s.id(), s.ownerAccountId(), s.name(), s.verified(), Timestamp.from(now))
			.update();
	}

	public void markSupplierVerified(UUID id, boolean verified) {
		jdbc.sql("UPDATE suppliers SET verified = ? WHERE id = ?").params(verified, id).update();
	}

	public Optional<Supplier> findSupplier(UUID id) {
		return jdbc.sql("SELECT id, owner_account_id, name, verified FROM suppliers WHERE id = ?")
			.param(id)
			.query(Supplier.class)
			.optional();
	}

	public List<Supplier> suppliersOwnedBy(UUID accountId) {
		return jdbc.sql("SELECT id, owner_account_id, name, verified FROM suppliers WHERE owner_account_id = ? "
				+ "ORDER BY created_at")
			.param(accountId)
			.query(Supplier.class)
			.list();
	}

	public void insertProduct(UUID productId, UUID supplierId, NewProduct p, Instant now) {
		jdbc.sql("""
				INSERT INTO products (id, supplier_id, title, description, image_urls, shipping_fee, created_at)
				VALUES (?, ?, ?, ?, ?::text[], ?, ?)""")
			.params(productId, supplierId, p.title().strip(), p.description() == null ? "" : p.description(),
					arrayLiteral(p.imageUrls() == null ? List.of() : p.imageUrls()), p.shippingFee(),
					Timestamp.from(now))
			.update();
		int position = 0;
		for (NewProduct.NewSku sku : p.skus()) {
			jdbc.sql("""
					INSERT INTO skus (id, product_id, supplier_id, code, name, supply_price, min_retail_price, stock,
						position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Ids.newId(), productId, supplierId, sku.code().strip(), sku.name().strip(), sku.supplyPrice(),
						sku.minRetailPrice(), sku.stock(), position++)
				.update();
		}
	}

	public Optional<Sku> findSku(UUID skuId) {
		return jdbc.sql("SELECT id, product_id, code, name, supply_price, min_retail_price, stock FROM skus WHERE id = ?")
			.param(skuId)
			.query(Sku.class)
			.optional();
	}

	public boolean skuBelongsTo(UUID skuId, UUID supplierId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM skus WHERE id = ? AND supplier_id = ?)")
			.params(skuId, supplierId)
			.query(Boolean.class)
			.single();
	}

	public void updateSku(UUID skuId, SkuChange c) {
		jdbc.sql("""
				UPDATE skus SET stock = COALESCE(?, stock), supply_price = COALESCE(?, supply_price),
					min_retail_price = COALESCE(?, min_retail_price) WHERE id = ?""")
			.params(c.stock(), c.supplyPrice(), c.minRetailPrice(), skuId)
			.update();
	}

	public boolean decrementStock(UUID skuId, int quantity) {
		return jdbc.sql("UPDATE skus SET stock = stock - ? WHERE id = ? AND stock >= ?")
			.params(quantity, skuId, quantity)
			.update() == 1;
	}

	public void incrementStock(UUID skuId, int quantity) {
		jdbc.sql("UPDATE skus SET stock = stock + ? WHERE id = ?").params(quantity, skuId).update();
	}

	public List<UUID> searchProductIds(String q, PageRequest page) {
		return jdbc.sql("""
				SELECT p.id FROM products p
				WHERE (? = '' OR p.title ILIKE '%' || ? || '%' OR p.description ILIKE '%' || ? || '%')
				ORDER BY p.created_at DESC, p.id LIMIT ? OFFSET ?""")
			.params(q, escapeLike(q), escapeLike(q), page.size(), page.offset())
			.query(UUID.class)
			.list();
	}

	public long countProducts(String q) {
		return jdbc.sql("""
				SELECT count(*) FROM products p
				WHERE (? = '' OR p.title ILIKE '%' || ? || '%' OR p.description ILIKE '%' || ? || '%')""")
			.params(q, escapeLike(q), escapeLike(q))
			.query(Long.class)
			.single();
	}

	public List<UUID> productIdsOfSupplier(UUID supplierId) {
		return jdbc.sql("SELECT id FROM products WHERE supplier_id = ? ORDER BY created_at DESC")
			.param(supplierId)
			.query(UUID.class)
			.list();
	}

	/** Products with their SKUs in one query, whatever the number of products. */
	public List<Product> findProducts(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return products("p.id = ANY(?::uuid[])", (Object) ids.stream().map(UUID::toString).toArray(String[]::new));
	}

	/** One product with some of its SKUs only. */
	public Optional<Product> findProduct(UUID id, Collection<UUID> skuIds) {
		return products("p.id = ? AND k.id = ANY(?::uuid[])", id,
				skuIds.stream().map(UUID::toString).toArray(String[]::new))
			.stream()
			.findFirst();
	}

	private List<Product> products(String where, Object... params) {
		Map<UUID, Product> products = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.id, p.supplier_id, s.name AS supplier_name, p.title, p.description, p.image_urls,
					p.shipping_fee, p.currency, k.id AS sku_id, k.code, k.name AS sku_name, k.supply_price,
					k.min_retail_price, k.stock
				FROM products p JOIN suppliers s ON s.id = p.supplier_id LEFT JOIN skus k ON k.product_id = p.id
				WHERE\s""" + where + " ORDER BY p.id, k.position, k.code")
			.params(params)
			.query((rs, n) -> {
				Product product = products.computeIfAbsent(rs.getObject("id", UUID.class), id -> product(rs));
				UUID skuId = rs.getObject("sku_id", UUID.class);
				if (skuId != null) {
					product.skus()
						.add(new Sku(skuId, product.id(), rs.getString("code"), rs.getString("sku_name"),
								rs.getLong("supply_price"), rs.getLong("min_retail_price"), rs.getInt("stock")));
				}
				return null;
			})
			.list();
		return products.values().stream().map(p -> new Product(p.id(), p.supplierId(), p.supplierName(), p.title(),
				p.description(), p.imageUrls(), p.shippingFee(), p.currency(), List.copyOf(p.skus()))).toList();
	}

	private static Product product(ResultSet rs) {
		try {
			Array images = rs.getArray("image_urls");
			return new Product(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
					rs.getString("supplier_name"), rs.getString("title"), rs.getString("description"),
					Arrays.asList((String[]) images.getArray()), rs.getLong("shipping_fee"), rs.getString("currency"),
					new ArrayList<>());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String arrayLiteral(List<String> values) {
		StringBuilder sb = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			sb.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return sb.append('}').toString();
	}

	private static String escapeLike(String q) {
		return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
