package io.microshop.ordering;

/** Where an order is in its life. */
public enum OrderStatus {

	PENDING_PAYMENT, PAID, SHIPPED, RECEIVED, SETTLED, CANCELLED, REFUNDED;

	/** The buyer may still cancel: nothing has left the supplier's warehouse. */
	public boolean cancellable() {
		return this == PENDING_PAYMENT || this == PAID;
	}

}
