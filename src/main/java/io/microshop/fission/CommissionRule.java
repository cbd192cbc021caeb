package io.microshop.fission;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.microshop.ledger.EscrowSplit.Commission;
import io.microshop.ordering.PaidOrder;

/**
 * Who earns what on one order, with nothing but integers and no I/O.
 * <p>
 * Level 1 goes to the promoter whose share link brought the order: per line,
 * floor(level1Bps x (unit price - unit supply price) / 10000) x quantity. Level 2 goes to that
 * promoter's recruiter with level2Bps, only when {@code maxLevels} is 2. Never deeper. A
 * margin below zero earns nothing. An amount of zero is no commission.
 * <p>
 * Self-referral earns nothing: when the buyer is the sharing promoter, no level pays and the
 * order is flagged; when the buyer is the sharer's recruiter, level 2 does not pay (it would
 * be a commission on the recruiter's own purchase) and the order is flagged too.
 */
public final class CommissionRule {

	public static final String SELF_REFERRAL = "SELF_REFERRAL";

	private CommissionRule() {
	}

	/** {@code microshop.fission.max-levels}: 1 or 2, anything else is refused. */
	public static int requireMaxLevels(int maxLevels) {
		if (maxLevels != 1 && maxLevels != 2) {
			throw new IllegalArgumentException(
					"microshop.fission.max-levels must be 1 or 2 (more levels is pyramid selling), got " + maxLevels);
		}
		return maxLevels;
	}

	/**
	 * @param buyerId the order's buyer
	 * @param sharer the promoter (of the order's shop) whose link brought the order, or null
	 * when the link's sharer is no promoter of the shop (nothing is earned then)
	 * @param recruiter the sharer's recruiter, or null
	 */
	public static Decision decide(UUID buyerId, Promoter sharer, Promoter recruiter, int level1Bps, int level2Bps,
			int maxLevels, List<PaidOrder.Line> lines) {
		requireMaxLevels(maxLevels);
		if (level1Bps < 0 || level2Bps < 0 || level1Bps + level2Bps > 5_000) {
			throw new IllegalArgumentException("commission rates out of range");
		}
		if (sharer == null) {
			return Decision.NONE;
		}
		if (recruiter != null && !recruiter.id().equals(sharer.recruiterId())) {
			throw new IllegalArgumentException("the recruiter given is not the sharer's");
		}
		if (sharer.accountId().equals(buyerId)) {
			return new Decision(List.of(), List.of(), List.of(
					"buyer " + buyerId + " bought through their own share link as promoter " + sharer.id()));
		}
		List<Commission> commissions = new ArrayList<>();
		List<Promoter> promoters = new ArrayList<>();
		List<String> flags = new ArrayList<>();
		long level1 = amount(level1Bps, lines);
		if (level1 > 0) {
			commissions.add(new Commission(sharer.accountId(), 1, level1));
			promoters.add(sharer);
		}
		if (maxLevels == 2 && recruiter != null) {
			if (recruiter.accountId().equals(buyerId)) {
				flags.add("buyer " + buyerId + " bought through the link of their recruit " + sharer.id()
						+ ": no level-2 commission");
			}
			else {
				long level2 = amount(level2Bps, lines);
				if (level2 > 0) {
					commissions.add(new Commission(recruiter.accountId(), 2, level2));
					promoters.add(recruiter);
				}
			}
		}
		return new Decision(commissions, promoters, flags);
	}

	/** Sum over lines of floor(bps x max(0, unit price - unit supply price) / 10000) x quantity. */
	public static long amount(int bps, List<PaidOrder.Line> lines) {
		long total = 0;
		for (PaidOrder.Line line : lines) {
			long margin = Math.max(0, line.unitPrice() - line.unitSupplyPrice());
			long perUnit = Math.multiplyExact(margin, (long) bps) / 10_000;
			total = Math.addExact(total, Math.multiplyExact(perUnit, (long) line.quantity()));
		}
		return total;
	}

	/**
	 * The commissions (each with the promoter that earns it, same order) and the
	 * self-referral details to flag (none when all is well).
	 */
	public record Decision(List<Commission> commissions, List<Promoter> promoters, List<String> selfReferrals) {

		static final Decision NONE = new Decision(List.of(), List.of(), List.of());

		public Decision {
			commissions = List.copyOf(commissions);
			promoters = List.copyOf(promoters);
			selfReferrals = List.copyOf(selfReferrals);
		}

	}

}
