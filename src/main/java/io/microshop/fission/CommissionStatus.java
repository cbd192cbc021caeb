package io.microshop.fission;

/** PENDING: the order is paid, not settled; AVAILABLE: it settled; CANCELLED: it was cancelled and refunded. */
public enum CommissionStatus {

	PENDING, AVAILABLE, CANCELLED

}
