package io.microshop.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.microshop.payment.PaymentView;

/** An order as its buyer, seller, supplier or an operator sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID id, OrderStatus status, UUID shopId, UUID supplierId, UUID listingId, UUID buyerId,
		List<Line> items, long goodsTotal, long shippingFee, long discount, long total, String currency,
		PaymentView payment, ShipTo shipTo, Shipment shipment, List<Step> timeline, Instant placedAt,
		Instant paymentDueAt, UUID groupId) {

	public record Line(UUID skuId, String title, String name, int quantity, long price) {
	}

	public record ShipTo(String name, String phone, String address) {
	}

	public record Shipment(String carrier, String trackingNumber, Instant shippedAt) {
	}

	public record Step(OrderStatus status, Instant at) {
	}

}
