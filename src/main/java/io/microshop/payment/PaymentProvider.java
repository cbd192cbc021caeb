package io.microshop.payment;

/** The port a payment provider plugs into: it is asked to collect, and answers by webhook. */
public interface PaymentProvider {

	String name();

	/** Asks the provider to collect the payment; the outcome arrives later as a webhook. */
	void collect(PaymentView payment);

	/** Returns a collected payment to the payer. */
	void refund(PaymentView payment);

}
