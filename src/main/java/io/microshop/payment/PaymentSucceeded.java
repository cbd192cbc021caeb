package io.microshop.payment;

import java.time.Instant;
import java.util.UUID;

/** The provider confirmed, by a verified webhook, that the buyer paid this payment. */
public record PaymentSucceeded(UUID paymentId, UUID orderId, long amount, String currency, Instant at) {
}
