package io.microshop.ledger;

import java.util.List;

/** Every account's balance; the sum of all of them is zero when the books are right. */
public record TrialBalance(boolean balanced, long sum, List<AccountBalance> accounts) {

	public record AccountBalance(String account, long balance) {
	}

}
