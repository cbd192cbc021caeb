package io.microshop.ordering;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.persistence.OrderRows;
import io.microshop.ordering.persistence.SupplierOrderRows;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's orders to ship, filtered the way a warehouse looks for them: by status, by the
 * day they were placed (Beijing time), by product or SKU, by order id or the buyer's phone.
 */
@Service
public class SupplierOrders {

	private final Catalog catalog;

	private final SupplierOrderRows rows;

	private final OrderRows orders;

	private final OrderViews views;

	SupplierOrders(Catalog catalog, SupplierOrderRows rows, OrderRows orders, OrderViews views) {
		this.catalog = catalog;
		this.rows = rows;
		this.orders = orders;
		this.views = views;
	}

	@Transactional(readOnly = true)
	public PageOf<OrderView> find(UUID supplierId, AccountPrincipal caller, Filter filter, PageRequest page) {
		catalog.requireOwned(supplierId, caller);
		List<OrderView> items = rows.ids(supplierId, filter, page)
			.stream()
			.map(id -> orders.find(id).map(views::of).orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList();
		return new PageOf<>(items, page.page(), page.size(), rows.count(supplierId, filter));
	}

	/**
	 * What to look for; null fields do not filter. {@code product} matches a SKU id or a
	 * product title; {@code query} the start of an order id or digits of the buyer's phone.
	 */
	public record Filter(OrderStatus status, LocalDate from, LocalDate to, UUID skuId, String product, String query) {

		public static Filter toShip() {
			return new Filter(OrderStatus.PAID, null, null, null, null, null);
		}

	}

}
