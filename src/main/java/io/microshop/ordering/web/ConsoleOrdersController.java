package io.microshop.ordering.web;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.OrderLifecycle;
import io.microshop.ordering.OrderQueries;
import io.microshop.ordering.OrderStatus;
import io.microshop.ordering.ShopSales;
import io.microshop.platform.PageRequest;
import io.microshop.platform.web.PageController;
import io.microshop.shop.SellerShops;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seller console's orders tab (the supplier's is {@link SupplierOrdersController}). The
 * rest of each console lives with its module (catalog, shop).
 */
@PageController
class ConsoleOrdersController {

	private final Catalog catalog;

	private final Shops shops;

	private final OrderQueries queries;

	private final OrderLifecycle lifecycle;

	private final ShopSales shopSales;

	ConsoleOrdersController(Catalog catalog, Shops shops, OrderQueries queries, OrderLifecycle lifecycle,
			ShopSales shopSales) {
		this.shopSales = shopSales;
		this.catalog = catalog;
		this.shops = shops;
		this.queries = queries;
		this.lifecycle = lifecycle;
	}

	@GetMapping("/seller/orders")
	String sellerOrders(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			@RequestParam(required = false) String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String page, Model model) {
		Optional<SellerShops> mine = SellerShops.of(shops, me, shop);
		if (mine.isEmpty()) {
			return "redirect:/seller";
		}
		Shop current = mine.get().current();
		OrderStatus filter = ConsoleParams.status(status);
		LocalDate fromDay = ConsoleParams.day(from);
		LocalDate toDay = ConsoleParams.day(to);
		model.addAttribute("shops", mine.get().all());
		model.addAttribute("shop", current);
		model.addAttribute("status", filter);
		model.addAttribute("from", fromDay);
		model.addAttribute("to", toDay);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("orders",
				shopSales.orders(current.id(), me, filter,
						fromDay == null ? null : fromDay.atStartOfDay(ConsoleParams.ZONE).toInstant(),
						toDay == null ? null : toDay.plusDays(1).atStartOfDay(ConsoleParams.ZONE).toInstant(),
						new PageRequest(ConsoleParams.page(page), 20)));
		return "ordering/seller-orders";
	}

	static String short8(UUID id) {
		return id.toString().substring(0, 8);
	}

}
