package io.microshop.ordering;

import java.util.List;

import io.microshop.ledger.EscrowSplit;

/**
 * Who earns a commission on an order, and how much: the one extension point through which
 * another module (fission) takes part in the escrow split without ordering depending on it.
 * Without an implementation no order pays commission.
 * <p>
 * Ordering asks when the order becomes paid, inside the payment's transaction (the order
 * row locked), and again whenever it rebuilds the order's split (refund, settlement). The
 * answer must be the same every time for one order, whatever changed since (rates, promoter
 * trees): an implementation decides at the first question and returns that decision
 * afterwards, so escrow, refund and release always move the same parts. Only orders that
 * name a share code are asked about; for the others the answer is no commission.
 */
public interface CommissionPolicy {

	/** The commissions of this order, rounded down, each at most what its level earns. */
	List<EscrowSplit.Commission> commissionsFor(PaidOrder order);

}
