package io.microshop.fission;

/**
 * PENDING: the order is paid, not settled; AVAILABLE: it settled; CANCELLED: it was cancelled
 * and refunded; REVOKED: the order was flagged as fraud while pending, the seller keeps it.
 */
public enum CommissionStatus {

	PENDING, AVAILABLE, CANCELLED, REVOKED

}
