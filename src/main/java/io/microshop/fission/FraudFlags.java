package io.microshop.fission;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.microshop.fission.persistence.FraudFlagRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fraud signals about orders, for operators, and what they do. An OPEN flag means the order
 * earns no commission (none is decided at payment; pending ones are revoked, see
 * {@link CommissionRevocations}) and counts in no fission statistics or rankings. An operator
 * may dismiss a flag with a reason: from then on it no longer keeps the order out of the
 * statistics, nor out of a commission decided later; a commission already revoked stays
 * revoked (its money went back to the seller, and reversing that is not offered).
 */
@Service
public class FraudFlags {

	static final int MAX_REASON = 1000;

	private final FraudFlagRows rows;

	private final CommissionRevocations revocations;

	private final AuditLog audit;

	private final Clock clock;

	FraudFlags(FraudFlagRows rows, CommissionRevocations revocations, AuditLog audit, Clock clock) {
		this.rows = rows;
		this.revocations = revocations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Newest first; {@code status} OPEN or DISMISSED, or null for both (422 for anything else). */
	@Transactional(readOnly = true)
	public PageOf<Flag> page(String status, PageRequest page) {
		String wanted = status(status);
		return new PageOf<>(rows.page(wanted, page.size(), page.offset()), page.page(), page.size(),
				rows.count(wanted));
	}

	/**
	 * An operator dismisses an open flag: 403 for anyone else, 404 unknown, 422 without a
	 * reason, 409 {@code already-decided} when it was dismissed before. Audited in the same
	 * transaction.
	 */
	@Transactional
	public Flag dismiss(UUID flagId, String reason, AccountPrincipal operator) {
		if (!operator.operator()) {
			throw Problem.forbidden("Only operators decide on fraud flags.");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > MAX_REASON) {
			throw Problem.invalidField("reason", "give a reason of 1-" + MAX_REASON + " characters");
		}
		Flag flag = rows.find(flagId).orElseThrow(() -> Problem.notFound("The fraud flag"));
		if (!rows.dismiss(flagId, operator.accountId(), why, clock.instant())) {
			throw Problem.conflict("already-decided", "Already decided",
					"This fraud flag was dismissed already" + (flag.dismissedAt() == null ? "." : " at " + flag.dismissedAt() + "."));
		}
		audit.record(operator.accountId(), "fraud-flag.dismiss", "fraud-flag", flagId.toString(), why, flag.kind());
		return rows.find(flagId).orElseThrow();
	}

	/**
	 * Flags the orders (in the caller's transaction) and acts on each newly flagged one: its
	 * pending commissions are revoked. Orders flagged with this kind before are left alone.
	 * @return the orders newly flagged
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<UUID> raise(UUID shopId, Collection<UUID> orderIds, FraudKind kind, String detail, Instant at) {
		List<UUID> fresh = rows.insertAll(shopId, orderIds, kind.name(), detail, at).stream().sorted().toList();
		// sorted: orders are locked in one order, whoever else flags orders of this shop
		fresh.forEach(orderId -> revocations.revoke(orderId, kind));
		return fresh;
	}

	/** Whether the order carries a flag no operator dismissed. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean openOn(UUID orderId) {
		return rows.openOn(orderId);
	}

	private static String status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		String upper = status.strip().toUpperCase(Locale.ROOT);
		if (!upper.equals("OPEN") && !upper.equals("DISMISSED")) {
			throw Problem.invalidField("status", "must be OPEN or DISMISSED");
		}
		return upper;
	}

	/**
	 * One recorded signal about an order: {@code status} OPEN or DISMISSED, with when and why
	 * an operator dismissed it.
	 */
	public record Flag(UUID id, UUID shopId, UUID orderId, String kind, String detail, Instant at, String status,
			Instant dismissedAt, String dismissReason) {
	}

}
