package io.microshop.trust;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.Balance;
import io.microshop.ledger.Ledger;
import io.microshop.ledger.LedgerAccounts;
import io.microshop.platform.IdempotencyKeys;
import io.microshop.platform.Ids;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Withdrawals of available balance by verified shops and suppliers. Two steps: first, in one
 * transaction, the request is checked (owner, verified, balance, idempotency key) and its
 * money booked out of the available balance into payouts in transit; then, after commit,
 * the payout provider is called and the result booked (paid out, or back into the balance).
 */
@Service
public class Withdrawals {

	private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

	private static final String CURRENCY = "CNY";

	private final io.microshop.trust.persistence.WithdrawalRows rows;

	private final Verifications verifications;

	private final Ledger ledger;

	private final PayoutProvider payouts;

	private final TransactionTemplate tx;

	private final Clock clock;

	Withdrawals(io.microshop.trust.persistence.WithdrawalRows rows, Verifications verifications, Ledger ledger, PayoutProvider payouts, TransactionTemplate tx, Clock clock) {
		this.rows = rows;
		this.verifications = verifications;
		this.ledger = ledger;
		this.payouts = payouts;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Withdraws {@code amount} from the owner's available balance. 403 unless the caller owns
	 * a verified subject, 422 above the available balance; a repeated idempotency key with
	 * the same request answers the first withdrawal, with another request 409.
	 */
	public Withdrawal withdraw(AccountPrincipal caller, String owner, UUID ownerId, long amount,
			String idempotencyKey) {
		IdempotencyKeys.checked(idempotencyKey);
		if (amount <= 0) {
			throw Problem.invalidField("amount", "must be a positive amount in minor units");
		}
		Booked booked = tx.execute(status -> book(caller, owner, ownerId, amount, idempotencyKey));
		if (booked.replay()) {
			return booked.withdrawal();
		}
		return payOut(booked.withdrawal(), booked.payee());
	}

	private Booked book(AccountPrincipal caller, String owner, UUID ownerId, long amount, String idempotencyKey) {
		boolean verified = verifications.requireOwner(caller, owner, ownerId);
		String hash = IdempotencyKeys.requestHash(owner, ownerId, amount);
		if (idempotencyKey != null) {
			var earlier = rows.findByKey(caller.accountId(), idempotencyKey);
			if (earlier.isPresent()) {
				return new Booked(replay(earlier.get(), hash), null, true);
			}
		}
		if (!verified) {
			throw new Problem(HttpStatus.FORBIDDEN, "not-verified", "Not verified", notVerifiedReason(owner, ownerId));
		}
		Instant now = clock.instant();
		Withdrawal withdrawal = new Withdrawal(Ids.newId(), owner, ownerId, caller.accountId(), amount, CURRENCY,
				Withdrawal.Status.PROCESSING, null, null, hash, now);
		if (!rows.insert(withdrawal, idempotencyKey)) {
			// the same key was used by a request that committed while this one waited on it
			return new Booked(replay(rows.findByKey(caller.accountId(), idempotencyKey).orElseThrow(), hash), null,
					true);
		}
		if (!ledger.withdraw(account(owner, ownerId), amount, withdrawal.id().toString(), CURRENCY)) {
			long available = balance(owner, ownerId).available();
			throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "insufficient-balance", "Above the available balance",
					"You can withdraw at most " + available + " (minor units) now.",
					java.util.Map.of("amount", "must be at most the available balance " + available));
		}
		return new Booked(withdrawal, payee(owner, ownerId), false);
	}

	/** Who is paid: the legal name the owner was verified under. */
	private String payee(String owner, UUID ownerId) {
		return verifications.latest(owner, ownerId)
			.filter(v -> v.status() == Verification.Status.APPROVED)
			.map(Verification::legalName)
			.orElse(owner + " " + ownerId);
	}

	/** Calls the provider outside any transaction and books its answer. */
	private Withdrawal payOut(Withdrawal w, String payee) {
		PayoutProvider.Result result;
		try {
			result = payouts.payOut(new PayoutProvider.Request(w.id(), payee, w.amount(), w.currency()));
		}
		catch (RuntimeException ex) {
			log.warn("Payout of withdrawal {} failed; it stays PROCESSING for a retry", w.id(), ex);
			return rows.find(w.id()).orElseThrow();
		}
		tx.executeWithoutResult(status -> finish(w.id(), result));
		return rows.find(w.id()).orElseThrow();
	}

	private void finish(UUID withdrawalId, PayoutProvider.Result result) {
		Withdrawal w = rows.findForUpdate(withdrawalId).orElseThrow();
		if (w.status() != Withdrawal.Status.PROCESSING) {
			return;
		}
		Instant now = clock.instant();
		if (result.paid()) {
			ledger.payoutSent(w.amount(), w.id().toString(), w.currency());
			rows.finish(w.id(), Withdrawal.Status.PAID, result.reference(), null, now);
		}
		else {
			ledger.payoutReturned(account(w.owner(), w.ownerId()), w.amount(), w.id().toString(), w.currency());
			rows.finish(w.id(), Withdrawal.Status.FAILED, null, result.failure(), now);
		}
	}

	/** Pays out withdrawals still PROCESSING after {@code olderThan}; returns how many finished. */
	public int retryStuck(java.time.Duration olderThan) {
		int finished = 0;
		for (UUID id : rows.stuckBefore(clock.instant().minus(olderThan), 100)) {
			Withdrawal w = rows.find(id).orElseThrow();
			if (payOut(w, payee(w.owner(), w.ownerId())).status() != Withdrawal.Status.PROCESSING) {
				finished++;
			}
		}
		return finished;
	}

	/** The owner's withdrawals, newest first. */
	public PageOf<Withdrawal> of(AccountPrincipal caller, String owner, UUID ownerId, PageRequest page) {
		verifications.requireOwner(caller, owner, ownerId);
		List<Withdrawal> items = rows.ofOwner(owner, ownerId, page.size(), page.offset());
		return new PageOf<>(items, page.page(), page.size(), rows.countOfOwner(owner, ownerId));
	}

	/** Why an unverified owner may not withdraw, in words they can act on. */
	public String notVerifiedReason(String owner, UUID ownerId) {
		return verifications.latest(owner, ownerId).map(v -> switch (v.status()) {
			case PENDING -> "Your verification is waiting for an operator's review; withdrawals open once it is approved.";
			case REJECTED -> "Your verification was rejected (" + v.decisionReason()
					+ "); submit a new one to withdraw.";
			case APPROVED -> "This " + owner + " is not verified; submit a verification to withdraw.";
		})
			.orElse("Only verified sellers and suppliers can withdraw: submit your legal name, ID or business-licence "
					+ "number and documents for review first.");
	}

	private Balance balance(String owner, UUID ownerId) {
		return Verification.SHOP.equals(owner) ? ledger.shopBalance(ownerId) : ledger.supplierBalance(ownerId);
	}

	private static String account(String owner, UUID ownerId) {
		return Verification.SHOP.equals(owner) ? LedgerAccounts.shop(ownerId) : LedgerAccounts.supplier(ownerId);
	}

	private static Withdrawal replay(Withdrawal earlier, String hash) {
		if (!earlier.requestHash().equals(hash)) {
			throw IdempotencyKeys.reused();
		}
		return earlier;
	}

	private record Booked(Withdrawal withdrawal, String payee, boolean replay) {
	}

}
