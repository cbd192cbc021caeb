package io.microshop.ordering.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.OrderLifecycle;
import io.microshop.ordering.OrderStatus;
import io.microshop.ordering.SupplierOrders;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supplier console's orders tab: orders to ship with filters (status, days placed,
 * product or SKU, order id or phone) and a ship form on each paid order.
 */
@PageController
class SupplierOrdersController {

	private final Catalog catalog;

	private final SupplierOrders orders;

	private final OrderLifecycle lifecycle;

	private final PageText text;

	SupplierOrdersController(Catalog catalog, SupplierOrders orders, OrderLifecycle lifecycle, PageText text) {
		this.catalog = catalog;
		this.orders = orders;
		this.lifecycle = lifecycle;
		this.text = text;
	}

	/** Orders to fulfil: PAID unless another status (or ALL) is asked for. */
	@GetMapping("/supplier/orders")
	String supplierOrders(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String supplier,
			@RequestParam(required = false) String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String product,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
		List<Supplier> mine = catalog.suppliersOf(me.accountId());
		if (mine.isEmpty()) {
			return "redirect:/supplier";
		}
		Supplier current = ConsoleParams.id(supplier)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
		OrderStatus filter = status == null || status.isBlank() ? OrderStatus.PAID : ConsoleParams.status(status);
		String productText = clip(product);
		String query = clip(q);
		UUID skuId = ConsoleParams.id(productText).orElse(null);
		SupplierOrders.Filter criteria = new SupplierOrders.Filter(filter, day(from), day(to), skuId,
				skuId == null ? productText : null, query);
		model.addAttribute("suppliers", mine);
		model.addAttribute("supplier", current);
		model.addAttribute("status", filter);
		model.addAttribute("statusParam", filter == null ? "ALL" : filter.name());
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("from", criteria.from());
		model.addAttribute("to", criteria.to());
		model.addAttribute("product", productText);
		model.addAttribute("q", query);
		model.addAttribute("orders",
				orders.find(current.id(), me, criteria, new PageRequest(ConsoleParams.page(page), 20)));
		return "ordering/supplier-orders";
	}

	@PostMapping("/supplier/orders/{orderId}/ship")
	String ship(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID orderId,
			@RequestParam(required = false) String supplier, @RequestParam(required = false) String carrier,
			@RequestParam(required = false) String trackingNumber, RedirectAttributes flash) {
		UUID supplierId = ConsoleParams.id(supplier).orElseThrow(() -> Problem.notFound("The supplier"));
		flash.addAttribute("supplier", supplierId);
		String order = orderId.toString().substring(0, 8);
		try {
			String c = required(carrier, "supplier.orders.carrierRequired");
			String t = required(trackingNumber, "supplier.orders.trackingRequired");
			lifecycle.ship(supplierId, orderId, me, c, t);
			flash.addFlashAttribute("notice", text.get("supplier.orders.shippedNotice", order, c, t));
		}
		catch (Problem problem) {
			flash.addFlashAttribute("error", text.get("supplier.orders.failed", order, PageMessages.of(problem)));
		}
		return "redirect:/supplier/orders";
	}

	private String required(String value, String key) {
		if (value == null || value.isBlank()) {
			throw Problem.invalidField("field", text.get(key));
		}
		if (value.strip().length() > 64) {
			throw Problem.invalidField("field", text.get("supplier.orders.tooLong"));
		}
		return value.strip();
	}

	/** A day as {@code 2026-11-25}; anything else is "not given". */
	private static LocalDate day(String value) {
		if (value == null || value.isBlank() || value.length() > 10) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String clip(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		return v.length() > 100 ? v.substring(0, 100) : v;
	}

}
