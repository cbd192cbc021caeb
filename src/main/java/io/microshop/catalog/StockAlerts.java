package io.microshop.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.catalog.persistence.StockAlertRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Problem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Low-stock alerts: each SKU has a level (10 units unless the supplier sets another; 0 turns
 * the alert off) at or below which the supplier console warns, before buyers meet "sold out".
 */
@Service
public class StockAlerts {

	private final Catalog catalog;

	private final StockAlertRows rows;

	StockAlerts(Catalog catalog, StockAlertRows rows) {
		this.catalog = catalog;
		this.rows = rows;
	}

	/** The supplier's SKUs at or below their alert level, the emptiest first. */
	@Transactional(readOnly = true)
	public List<LowStock> lowStock(UUID supplierId) {
		return rows.lowStock(supplierId);
	}

	/** Every SKU's alert level, by SKU id. */
	@Transactional(readOnly = true)
	public Map<UUID, Integer> levels(UUID supplierId) {
		return rows.levels(supplierId);
	}

	@Transactional
	public void setLevel(UUID supplierId, UUID skuId, AccountPrincipal caller, int level) {
		catalog.requireOwned(supplierId, caller);
		if (level < 0 || level > 1_000_000_000) {
			throw Problem.invalidField("lowStockAt", "must be a whole number from 0 to 1,000,000,000");
		}
		if (!rows.setLevel(supplierId, skuId, level)) {
			throw Problem.notFound("The SKU");
		}
	}

	/** A SKU running out. */
	public record LowStock(UUID skuId, UUID productId, String title, String code, String name, int stock,
			int lowStockAt) {

		public boolean soldOut() {
			return stock == 0;
		}

	}

}
