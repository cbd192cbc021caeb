package io.microshop.ordering.web;

import java.util.List;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.OrderLifecycle;
import io.microshop.ordering.OrderQueries;
import io.microshop.ordering.OrderStatus;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order tabs of the two consoles: a supplier's orders to ship, with a ship form each, and
 * a seller's shop orders. The rest of each console lives with its module (catalog, shop).
 */
@PageController
class ConsoleOrdersController {

	private final Catalog catalog;

	private final Shops shops;

	private final OrderQueries queries;

	private final OrderLifecycle lifecycle;

	ConsoleOrdersController(Catalog catalog, Shops shops, OrderQueries queries, OrderLifecycle lifecycle) {
		this.catalog = catalog;
		this.shops = shops;
		this.queries = queries;
		this.lifecycle = lifecycle;
	}

	/** Orders to fulfil: PAID unless another status is asked for. */
	@GetMapping("/supplier/orders")
	String supplierOrders(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String supplier,
			@RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
		List<Supplier> mine = catalog.suppliersOf(me.accountId());
		if (mine.isEmpty()) {
			return "redirect:/supplier";
		}
		Supplier current = ConsoleParams.id(supplier)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
		OrderStatus filter = status == null ? OrderStatus.PAID : ConsoleParams.status(status);
		model.addAttribute("suppliers", mine);
		model.addAttribute("supplier", current);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("orders",
				queries.ofSupplier(current.id(), me, filter, new PageRequest(ConsoleParams.page(page), 20)));
		return "ordering/supplier-orders";
	}

	@PostMapping("/supplier/orders/{orderId}/ship")
	String ship(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID orderId,
			@RequestParam(required = false) String supplier, @RequestParam(required = false) String carrier,
			@RequestParam(required = false) String trackingNumber, RedirectAttributes flash) {
		UUID supplierId = ConsoleParams.id(supplier).orElseThrow(() -> Problem.notFound("The supplier"));
		flash.addAttribute("supplier", supplierId);
		try {
			String c = required(carrier, "Enter the carrier.");
			String t = required(trackingNumber, "Enter the tracking number.");
			lifecycle.ship(supplierId, orderId, me, c, t);
			flash.addFlashAttribute("notice", "Order " + short8(orderId) + " shipped with " + c + ", tracking " + t + ".");
		}
		catch (Problem problem) {
			flash.addFlashAttribute("error", "Order " + short8(orderId) + ": " + PageMessages.of(problem));
		}
		return "redirect:/supplier/orders";
	}

	@GetMapping("/seller/orders")
	String sellerOrders(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String shop,
			@RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
		List<Shop> mine = shops.shopsOf(me.accountId());
		if (mine.isEmpty()) {
			return "redirect:/seller";
		}
		Shop current = ConsoleParams.id(shop)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
		OrderStatus filter = ConsoleParams.status(status);
		model.addAttribute("shops", mine);
		model.addAttribute("shop", current);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("orders",
				queries.ofShop(current.id(), me, filter, new PageRequest(ConsoleParams.page(page), 20)));
		return "ordering/seller-orders";
	}

	private static String required(String value, String message) {
		if (value == null || value.isBlank()) {
			throw Problem.invalidField("field", message);
		}
		if (value.strip().length() > 64) {
			throw Problem.invalidField("field", "Keep carrier and tracking number under 64 characters.");
		}
		return value.strip();
	}

	static String short8(UUID id) {
		return id.toString().substring(0, 8);
	}

}
