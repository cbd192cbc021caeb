package io.microshop.ordering.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.OrderLifecycle;
import io.microshop.ordering.OrderOrigin;
import io.microshop.ordering.OrderQueries;
import io.microshop.ordering.OrderStatus;
import io.microshop.ordering.OrderView;
import io.microshop.ordering.Ordering;
import io.microshop.ordering.PlaceOrder;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrdersController {

	private final Ordering ordering;

	private final OrderLifecycle lifecycle;

	private final OrderQueries queries;

	private final OrderPlacementLimit placementLimit;

	OrdersController(Ordering ordering, OrderLifecycle lifecycle, OrderQueries queries,
			OrderPlacementLimit placementLimit) {
		this.ordering = ordering;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.placementLimit = placementLimit;
	}

	@PostMapping("/api/v1/orders")
	@ResponseStatus(HttpStatus.CREATED)
	OrderView place(@AuthenticationPrincipal AccountPrincipal me, @Valid @RequestBody PlaceOrder body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@CookieValue(name = OrderOrigin.DEVICE_COOKIE, required = false) String device,
			@CookieValue(name = CheckoutController.SHARE_COOKIE, required = false) String lastOpenedLink) {
		placementLimit.check(me, idempotencyKey);
		return ordering.place(me, body.sharedBy(lastOpenedLink), idempotencyKey, device);
	}

	@GetMapping("/api/v1/orders/{orderId}")
	OrderView order(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID orderId) {
		return ordering.order(orderId, me);
	}

	@PostMapping("/api/v1/orders/{orderId}/cancel")
	OrderView cancel(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID orderId) {
		return lifecycle.cancel(orderId, me);
	}

	@PostMapping("/api/v1/orders/{orderId}/confirm-receipt")
	OrderView confirmReceipt(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID orderId) {
		return lifecycle.confirmReceipt(orderId, me);
	}

	@GetMapping("/api/v1/me/orders")
	PageOf<OrderView> mine(@AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(required = false) OrderStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.ofBuyer(me, status, PageRequest.of(page, size));
	}

	@GetMapping("/api/v1/shops/{shopId}/orders")
	PageOf<OrderView> ofShop(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@RequestParam(required = false) OrderStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.ofShop(shopId, me, status, PageRequest.of(page, size));
	}

	/** Orders to fulfil: PAID unless another status is asked for. */
	@GetMapping("/api/v1/suppliers/{supplierId}/orders")
	PageOf<OrderView> ofSupplier(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId,
			@RequestParam(required = false) OrderStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.ofSupplier(supplierId, me, status == null ? OrderStatus.PAID : status,
				PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/suppliers/{supplierId}/orders/{orderId}/shipments")
	@ResponseStatus(HttpStatus.CREATED)
	OrderView ship(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId,
			@PathVariable UUID orderId, @Valid @RequestBody NewShipment body) {
		return lifecycle.ship(supplierId, orderId, me, body.carrier(), body.trackingNumber());
	}

	record NewShipment(@NotBlank @Size(max = 64) String carrier, @NotBlank @Size(max = 64) String trackingNumber) {
	}

}
