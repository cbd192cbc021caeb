package io.microshop.catalog.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.catalog.StockAlerts.LowStock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of low-stock alert levels. */
@Repository
public class StockAlertRows {

	private final JdbcClient jdbc;

	StockAlertRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<LowStock> lowStock(UUID supplierId) {
		return jdbc.sql("""
				SELECT k.id AS sku_id, k.product_id, p.title, k.code, k.name, k.stock, k.low_stock_at
				FROM skus k JOIN products p ON p.id = k.product_id
				WHERE k.supplier_id = ? AND k.low_stock_at > 0 AND k.stock <= k.low_stock_at
				ORDER BY k.stock, p.title, k.code LIMIT 200""")
			.param(supplierId)
			.query(LowStock.class)
			.list();
	}

	public Map<UUID, Integer> levels(UUID supplierId) {
		Map<UUID, Integer> levels = new HashMap<>();
		jdbc.sql("SELECT id, low_stock_at FROM skus WHERE supplier_id = ?")
			.param(supplierId)
			.query(rs -> {
				levels.put(rs.getObject("id", UUID.class), rs.getInt("low_stock_at"));
			});
		return levels;
	}

	public boolean setLevel(UUID supplierId, UUID skuId, int level) {
		return jdbc.sql("UPDATE skus SET low_stock_at = ? WHERE id = ? AND supplier_id = ?")
			.params(level, skuId, supplierId)
			.update() == 1;
	}

}
