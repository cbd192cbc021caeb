package io.microshop.ledger;

import java.util.UUID;

/**
 * Names of ledger accounts. A party's balance is positive when the platform owes it money;
 * {@link #PAYMENTS_RECEIVED} is the other side of every fen buyers paid in, so it runs
 * negative and everything sums to zero.
 */
public final class LedgerAccounts {

	public static final String PAYMENTS_RECEIVED = "buyer-funds";

	public static final String PLATFORM_ESCROW = "escrow:platform";

	public static final String PLATFORM_FEES = "platform:fees";

	/** Withdrawn by a party, handed to the payout provider, not yet confirmed paid out. */
	public static final String PAYOUTS_IN_TRANSIT = "payouts:in-transit";

	/** Paid out to parties' own accounts outside the platform. */
	public static final String PAYOUTS_SENT = "payouts:sent";

	private LedgerAccounts() {
	}

	public static String shop(UUID shopId) {
		return "shop:" + shopId;
	}

	public static String shopEscrow(UUID shopId) {
		return "escrow:shop:" + shopId;
	}

	public static String supplier(UUID supplierId) {
		return "supplier:" + supplierId;
	}

	public static String supplierEscrow(UUID supplierId) {
		return "escrow:supplier:" + supplierId;
	}

	/** A promoter's settled commissions (one account per promoter account id, across shops). */
	public static String promoter(UUID accountId) {
		return "promoter:" + accountId;
	}

	/** A promoter's commissions on paid orders not settled yet. */
	public static String promoterEscrow(UUID accountId) {
		return "escrow:promoter:" + accountId;
	}

}
