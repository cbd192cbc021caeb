package io.microshop.payment;

import java.util.UUID;

/** A payment as shown with its order: {@code status} is PENDING, SUCCEEDED, CANCELLED or REFUNDED. */
public record PaymentView(UUID id, String provider, String status, long amount, String currency) {
}
