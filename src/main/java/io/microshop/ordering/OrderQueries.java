package io.microshop.ordering;

import java.time.Instant;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.persistence.OrderRows;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.shop.Shops;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists of orders for a supplier, a shop or a buyer, each only for its owner. */
@Service
public class OrderQueries {

	private final OrderRows rows;

	private final OrderViews views;

	private final Catalog catalog;

	private final Shops shops;

	OrderQueries(OrderRows rows, OrderViews views, Catalog catalog, Shops shops) {
		this.rows = rows;
		this.views = views;
		this.catalog = catalog;
		this.shops = shops;
	}

	@Transactional(readOnly = true)
	public PageOf<OrderView> ofSupplier(UUID supplierId, AccountPrincipal caller, OrderStatus status, PageRequest page) {
		catalog.requireOwned(supplierId, caller);
		return page("supplier_id", supplierId, status, page);
	}

	@Transactional(readOnly = true)
	public PageOf<OrderView> ofShop(UUID shopId, AccountPrincipal caller, OrderStatus status, PageRequest page) {
		shops.requireOwned(shopId, caller);
		return page("shop_id", shopId, status, page);
	}

	@Transactional(readOnly = true)
	public PageOf<OrderView> ofBuyer(AccountPrincipal caller, OrderStatus status, PageRequest page) {
		return page("buyer_account_id", caller.accountId(), status, page);
	}

	/**
	 * How many orders the shop received since then: orders paid in that time, even if
	 * refunded or cancelled afterwards. Unpaid orders were never received.
	 */
	@Transactional(readOnly = true)
	public long paidOrdersSince(UUID shopId, Instant since) {
		return rows.countPaidSince(shopId, since);
	}

	private PageOf<OrderView> page(String column, UUID owner, OrderStatus status, PageRequest page) {
		return new PageOf<>(rows.page(column, owner, status, page).stream().map(views::of).toList(), page.page(),
				page.size(), rows.count(column, owner, status));
	}

}
