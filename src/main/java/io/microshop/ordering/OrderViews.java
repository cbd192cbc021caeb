package io.microshop.ordering;

import java.util.List;

import io.microshop.ordering.domain.Order;
import io.microshop.ordering.persistence.OrderRows;
import io.microshop.payment.PaymentView;
import io.microshop.payment.Payments;

import org.springframework.stereotype.Component;

/** Turns stored orders into the view callers see. */
@Component
class OrderViews {

	private final OrderRows rows;

	private final Payments payments;

	OrderViews(OrderRows rows, Payments payments) {
		this.rows = rows;
		this.payments = payments;
	}

	OrderView of(Order order) {
		return of(order, rows.lines(order.id()), payments.payment(order.paymentId()).orElse(null));
	}

	OrderView of(Order o, List<Order.Line> lines, PaymentView payment) {
		OrderView.Shipment shipment = o.shippedAt() == null ? null
				: new OrderView.Shipment(o.carrier(), o.trackingNumber(), o.shippedAt());
		return new OrderView(o.id(), o.status(), o.shopId(), o.supplierId(), o.listingId(), o.buyerAccountId(),
				lines.stream()
					.map(l -> new OrderView.Line(l.skuId(), l.title(), l.skuName(), l.quantity(), l.unitPrice()))
					.toList(),
				o.goodsTotal(), o.shippingFee(), o.discount(), o.total(), o.currency(), payment,
				new OrderView.ShipTo(o.shipName(), o.shipPhone(), o.shipAddress()), shipment,
				o.timeline().stream().map(s -> new OrderView.Step(s.status(), s.at())).toList(), o.placedAt(),
				o.paymentDueAt(), o.groupId());
	}

}
