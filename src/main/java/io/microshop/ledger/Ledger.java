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
