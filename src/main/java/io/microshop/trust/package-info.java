/**
 * Trust and governance: verification of sellers and suppliers (documents checked by content,
 * reviewed by operators), withdrawals of available balance through the payout port (only once
 * verified), buyers' complaints with the seller's answers and the operator's decision (reject,
 * partial or full refund out of escrow through ordering and the ledger), the shops' complaint
 * rate and their suspension above the threshold. Every operator decision is written to the
 * platform's audit log in the decision's own transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trust",
		allowedDependencies = { "platform", "identity", "catalog", "shop", "ordering", "ledger", "payment" })
package io.microshop.trust;
