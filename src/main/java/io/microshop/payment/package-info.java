/**
 * Payment: payments opened for orders, the provider port and its built-in sandbox provider,
 * and provider webhooks, verified (HMAC signature, 5-minute tolerance) and stored by event
 * id so a replay changes nothing. Publishes {@link io.microshop.payment.PaymentSucceeded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment",
		allowedDependencies = { "platform", "identity" })
package io.microshop.payment;
