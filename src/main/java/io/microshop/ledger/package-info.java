/**
 * Ledger: the double-entry book of every fen. Accounts (buyer funds received, escrow per
 * party, each supplier, each shop, platform fees), transactions whose postings sum to zero
 * (checked here and enforced by the database), append-only postings, balances derived from
 * them, the settlement split rule and the trial balance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger", allowedDependencies = "platform")
package io.microshop.ledger;
