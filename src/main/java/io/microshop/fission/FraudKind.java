package io.microshop.fission;

/**
 * The kinds of fraud signal about an order. SELF_REFERRAL: a promoter bought through their own
 * link (or a recruit's); BURST: one buyer placed many orders at one shop within a short time;
 * SHARED_ADDRESS and SHARED_DEVICE: one ship-to address, or one device, used by several buyer
 * accounts at one shop; REFUND_LOOP: a buyer's orders at one shop paid and refunded again and
 * again, and that buyer's next orders there.
 */
public enum FraudKind {

	SELF_REFERRAL, BURST, SHARED_ADDRESS, SHARED_DEVICE, REFUND_LOOP

}
