package io.microshop.ordering.web;

import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.OrderLifecycle;
import io.microshop.ordering.OrderRefunds;
import io.microshop.ordering.OrderQueries;
import io.microshop.ordering.OrderStatus;
import io.microshop.ordering.OrderView;
import io.microshop.ordering.Ordering;
import io.microshop.payment.Payments;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An order's page, for whoever may see it (buyer, seller, supplier, operator; anyone else
 * gets a 404), with the buyer's buttons; and the buyer's list of orders.
 */
@PageController
class OrderPagesController {

	private final Ordering ordering;

	private final OrderLifecycle lifecycle;

	private final OrderRefunds refunds;

	private final OrderQueries queries;

	private final Payments payments;

	private final Shops shops;

	private final PageText text;

	OrderPagesController(Ordering ordering, OrderLifecycle lifecycle, OrderRefunds refunds, OrderQueries queries,
			Payments payments, Shops shops, PageText text) {
		this.text = text;
		this.ordering = ordering;
		this.lifecycle = lifecycle;
		this.refunds = refunds;
		this.queries = queries;
		this.payments = payments;
		this.shops = shops;
	}

	@GetMapping("/o/{orderId}")
	String order(@PathVariable UUID orderId, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (me == null) {
			return "redirect:/sign-in?next=/o/" + orderId;
		}
		OrderView order = ordering.order(orderId, me);
		boolean buyer = me.is(order.buyerId());
		model.addAttribute("order", order);
		model.addAttribute("shop", shops.shop(order.shopId()).orElse(null));
		model.addAttribute("buyer", buyer);
		model.addAttribute("canCancel", buyer && order.status().cancellable());
		model.addAttribute("canConfirm", buyer && order.status() == OrderStatus.SHIPPED);
		boolean held = refunds.settlementHeld(orderId);
		model.addAttribute("held", held);
		model.addAttribute("canComplain", buyer && !held && refunds.withinProtectionWindow(order));
		model.addAttribute("canPay", buyer && order.status() == OrderStatus.PENDING_PAYMENT && order.payment() != null
				&& "PENDING".equals(order.payment().status()));
		model.addAttribute("waiting", order.status() == OrderStatus.PENDING_PAYMENT);
		return "ordering/order";
	}

	@PostMapping("/o/{orderId}/pay")
	String pay(@PathVariable UUID orderId, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes flash) {
		return act(orderId, me, flash, () -> {
			OrderView order = ordering.order(orderId, me);
			payments.pay(order.payment().id(), me);
		}, "order.notice.payRequested");
	}

	@PostMapping("/o/{orderId}/cancel")
	String cancel(@PathVariable UUID orderId, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes flash) {
		return act(orderId, me, flash, () -> lifecycle.cancel(orderId, me), "order.notice.cancelled");
	}

	@PostMapping("/o/{orderId}/confirm-receipt")
	String confirmReceipt(@PathVariable UUID orderId, @AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(required = false) String back, RedirectAttributes flash) {
		String page = act(orderId, me, flash, () -> lifecycle.confirmReceipt(orderId, me), "order.notice.received");
		// from the list of orders, back to the list: the buyer may have more to confirm
		return "mine".equals(back) && me != null ? "redirect:/my/orders" : page;
	}

	@GetMapping("/my/orders")
	String mine(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String status,
			@RequestParam(required = false) String page, Model model) {
		OrderStatus filter = ConsoleParams.status(status);
		PageRequest paging = new PageRequest(ConsoleParams.page(page), 20);
		model.addAttribute("orders", queries.ofBuyer(me, filter, paging));
		model.addAttribute("status", filter);
		model.addAttribute("statuses", OrderStatus.values());
		return "ordering/my-orders";
	}

	/** Runs a buyer's action and flashes the sentence of {@code doneKey}, or why it was refused. */
	private String act(UUID orderId, AccountPrincipal me, RedirectAttributes flash, Runnable action, String doneKey) {
		if (me == null) {
			return "redirect:/sign-in?next=/o/" + orderId;
		}
		try {
			action.run();
			flash.addFlashAttribute("notice", text.get(doneKey));
		}
		catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:/o/" + orderId;
	}

}
