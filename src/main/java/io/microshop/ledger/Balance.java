package io.microshop.ledger;

/** A party's money: {@code pending} still held in escrow for it, {@code available} settled. */
public record Balance(long pending, long available, String currency) {
}
