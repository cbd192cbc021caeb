package io.microshop.ledger;

/** One line of a ledger transaction: a signed amount in minor units on one account. */
public record Posting(String account, long amount) {
}
