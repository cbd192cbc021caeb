package io.microshop.ledger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.microshop.ledger.persistence.LedgerRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger facade. Money moves only through {@link #book}, inside the caller's transaction,
 * so a state change and its money movement commit together or not at all. Each kind of
 * booking happens at most once per business reference.
 */
@Service
public class Ledger {

	public static final String PAYMENT = "PAYMENT";

	public static final String REFUND = "REFUND";

	public static final String SETTLEMENT = "SETTLEMENT";

	public static final String PARTIAL_REFUND = "PARTIAL_REFUND";

	public static final String WITHDRAWAL = "WITHDRAWAL";

	public static final String PAYOUT_SENT = "PAYOUT_SENT";

	public static final String PAYOUT_RETURNED = "PAYOUT_RETURNED";

	private final LedgerRows rows;

	private final Clock clock;

	Ledger(LedgerRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	/** Buyer money paid for an order enters escrow. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean holdInEscrow(EscrowSplit split) {
		return book(PAYMENT, split.orderId().toString(), split.currency(), split.intoEscrow());
	}

	/** The whole payment goes back to the buyer. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean refund(EscrowSplit split) {
		return book(REFUND, split.orderId().toString(), split.currency(), split.refund());
	}

	/**
	 * Part of the payment goes back to the buyer before settlement: escrow moves from the
	 * split after the earlier partial refunds ({@code refundedBefore}) to the split after this
	 * one too, computed from the split as paid ({@code paid}) by
	 * {@link EscrowSplit#afterPartialRefund}. Booked once per order and refunded total.
	 * @return the split escrow holds afterwards
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public EscrowSplit refundPart(EscrowSplit paid, long refundedBefore, long amount) {
		if (amount <= 0) {
			throw new IllegalArgumentException("a partial refund is positive");
		}
		EscrowSplit before = paid.afterPartialRefund(refundedBefore);
		EscrowSplit after = paid.afterPartialRefund(Math.addExact(refundedBefore, amount));
		book(PARTIAL_REFUND, paid.orderId() + ":" + (refundedBefore + amount), paid.currency(),
				before.partialRefund(after));
		return after;
	}

	/** Escrow is released to the supplier, the platform, the promoters and the seller. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean settle(EscrowSplit split) {
		return book(SETTLEMENT, split.orderId().toString(), split.currency(), split.release());
	}

	/**
	 * Books a balanced transaction once per (kind, reference).
	 * @return false when that booking already exists (nothing is written)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean book(String kind, String reference, String currency, List<Posting> postings) {
		long sum = postings.stream().mapToLong(Posting::amount).sum();
		if (sum != 0 || postings.isEmpty()) {
			throw new IllegalArgumentException("a ledger transaction must be non-empty and sum to zero, got " + sum);
		}
		return rows.insertTransaction(UUID.randomUUID(), kind, reference, currency, postings, clock.instant());
	}

	/**
	 * Moves {@code amount} out of a party's available {@code account} into payouts in transit,
	 * if its balance covers it. Withdrawals of one account are serialised by a transaction-level
	 * lock on the account, so two at once can never take more than the balance.
	 * @return false when the balance is short (nothing is written)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean withdraw(String account, long amount, String reference, String currency) {
		if (amount <= 0) {
			throw new IllegalArgumentException("a withdrawal must be positive");
		}
		rows.lockAccount(account);
		if (rows.balance(account) < amount) {
			return false;
		}
		return book(WITHDRAWAL, reference, currency,
				List.of(new Posting(account, -amount), new Posting(LedgerAccounts.PAYOUTS_IN_TRANSIT, amount)));
	}

	/** The payout provider confirmed a withdrawal paid out. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean payoutSent(long amount, String reference, String currency) {
		return book(PAYOUT_SENT, reference, currency, List.of(new Posting(LedgerAccounts.PAYOUTS_IN_TRANSIT, -amount),
				new Posting(LedgerAccounts.PAYOUTS_SENT, amount)));
	}

	/** The payout provider refused a withdrawal: the money goes back to the party's account. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean payoutReturned(String account, long amount, String reference, String currency) {
		return book(PAYOUT_RETURNED, reference, currency,
				List.of(new Posting(LedgerAccounts.PAYOUTS_IN_TRANSIT, -amount), new Posting(account, amount)));
	}

	@Transactional(readOnly = true)
	public Balance shopBalance(UUID shopId) {
		return balance(LedgerAccounts.shopEscrow(shopId), LedgerAccounts.shop(shopId));
	}

	@Transactional(readOnly = true)
	public Balance supplierBalance(UUID supplierId) {
		return balance(LedgerAccounts.supplierEscrow(supplierId), LedgerAccounts.supplier(supplierId));
	}

	/** A promoter's commissions: pending in escrow, available once their orders settled. */
	@Transactional(readOnly = true)
	public Balance promoterBalance(UUID accountId) {
		return balance(LedgerAccounts.promoterEscrow(accountId), LedgerAccounts.promoter(accountId));
	}

	@Transactional(readOnly = true)
	public long balanceOf(String account) {
		return rows.balance(account);
	}

	@Transactional(readOnly = true)
	public TrialBalance trialBalance() {
		List<TrialBalance.AccountBalance> accounts = rows.allBalances();
		long sum = accounts.stream().mapToLong(TrialBalance.AccountBalance::balance).sum();
		return new TrialBalance(sum == 0, sum, accounts);
	}

	/** Every transaction that does not sum to zero (there must be none). */
	@Transactional(readOnly = true)
	public List<UUID> unbalancedTransactions() {
		return rows.unbalancedTransactions();
	}

	private Balance balance(String escrow, String available) {
		return new Balance(rows.balance(escrow), rows.balance(available), "CNY");
	}

}
