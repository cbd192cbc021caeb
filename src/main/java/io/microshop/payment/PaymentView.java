package io.microshop.payment;

import java.util.UUID;

/**
 * A payment as shown with its order: {@code status} is PENDING, SUCCEEDED, CANCELLED or
 * REFUNDED; {@code refunded} is what went back to the payer so far (a complaint upheld in part
 * leaves the payment SUCCEEDED with some of it refunded).
 */
public record PaymentView(UUID id, String provider, String status, long amount, String currency, long refunded) {
}
