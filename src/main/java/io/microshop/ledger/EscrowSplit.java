package io.microshop.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How one order's payment is divided, fixed when it is paid. The supplier gets supply price x
 * quantity + shipping fee; the platform floor(goods total x bps / 10000); each promoter its
 * commission; the seller the rest, so the parts always sum to what the buyer paid: no fen
 * lost or invented. Commissions sit in escrow per promoter account until settlement and go
 * back to the buyer with a refund, like every other part.
 */
public record EscrowSplit(UUID orderId, UUID shopId, UUID supplierId, String currency, long paid, long supplier,
		long platformFee, long seller, List<Commission> commissions) {

	public EscrowSplit {
		commissions = List.copyOf(commissions);
		long commissionTotal = commissions.stream().mapToLong(Commission::amount).reduce(0L, Math::addExact);
		if (Math.addExact(Math.addExact(supplier, platformFee), Math.addExact(seller, commissionTotal)) != paid) {
			throw new IllegalArgumentException("split parts do not sum to the amount paid");
		}
	}

	/** A split without commissions. */
	public EscrowSplit(UUID orderId, UUID shopId, UUID supplierId, String currency, long paid, long supplier,
			long platformFee, long seller) {
		this(orderId, shopId, supplierId, currency, paid, supplier, platformFee, seller, List.of());
	}

	/** The split rule of PRODUCT.md, in integer arithmetic only, without commissions. */
	public static EscrowSplit of(UUID orderId, UUID shopId, UUID supplierId, String currency, long paid,
			long goodsTotal, long supplyTotal, long shippingFee, int platformFeeBps) {
		return of(orderId, shopId, supplierId, currency, paid, goodsTotal, supplyTotal, shippingFee, platformFeeBps,
				List.of());
	}

	/**
	 * The split rule of PRODUCT.md, in integer arithmetic only: the commissions (already
	 * rounded down by whoever computed them) come out of the seller's part.
	 */
	public static EscrowSplit of(UUID orderId, UUID shopId, UUID supplierId, String currency, long paid,
			long goodsTotal, long supplyTotal, long shippingFee, int platformFeeBps, List<Commission> commissions) {
		if (platformFeeBps < 0 || platformFeeBps > 10_000 || goodsTotal < 0 || supplyTotal < 0 || shippingFee < 0) {
			throw new IllegalArgumentException("negative amount or fee out of range");
		}
		long supplierPart = Math.addExact(supplyTotal, shippingFee);
		long fee = Math.multiplyExact(goodsTotal, platformFeeBps) / 10_000;
		long commissionTotal = commissions.stream().mapToLong(Commission::amount).reduce(0L, Math::addExact);
		long seller = paid - supplierPart - fee - commissionTotal;
		return new EscrowSplit(orderId, shopId, supplierId, currency, paid, supplierPart, fee, seller, commissions);
	}

	/** The sum of the commission parts. */
	public long commissionTotal() {
		return commissions.stream().mapToLong(Commission::amount).sum();
	}

	/**
	 * This split after {@code refund} of what was paid went back to the buyer, computed from
	 * the split as paid (so refunds given one after another are applied by their sum, the same
	 * answer every time). Each commission shrinks in proportion, floor(c x (paid - refund) /
	 * paid); supplier and platform keep their parts; the seller's part takes the rest of the
	 * refund, and may go below zero when the refund is larger than the seller's margin: the
	 * seller then pays the difference out of its balance at settlement.
	 */
	public EscrowSplit afterPartialRefund(long refund) {
		if (refund < 0 || refund >= paid) {
			throw new IllegalArgumentException("a partial refund is at least 0 and less than what was paid");
		}
		if (refund == 0) {
			return this;
		}
		long kept = paid - refund;
		List<Commission> reduced = commissions.stream()
			.map(c -> new Commission(c.promoterAccountId(), c.level(),
					BigInteger.valueOf(c.amount())
						.multiply(BigInteger.valueOf(kept))
						.divide(BigInteger.valueOf(paid))
						.longValueExact()))
			.toList();
		long reducedTotal = reduced.stream().mapToLong(Commission::amount).reduce(0L, Math::addExact);
		long seller = kept - supplier - platformFee - reducedTotal;
		return new EscrowSplit(orderId, shopId, supplierId, currency, kept, supplier, platformFee, seller, reduced);
	}

	/**
	 * A partial refund: from this split (what escrow holds now) to {@code after} (a smaller
	 * split of the same order), the difference of each escrow part goes back to the buyer.
	 */
	List<Posting> partialRefund(EscrowSplit after) {
		if (!after.orderId.equals(orderId) || after.paid >= paid
				|| after.commissions.size() != commissions.size()) {
			throw new IllegalArgumentException("a partial refund goes to a smaller split of the same order");
		}
		Map<String, Long> net = new LinkedHashMap<>();
		after.intoEscrow().forEach(p -> net.merge(p.account(), -p.amount(), Long::sum));
		intoEscrow().forEach(p -> net.merge(p.account(), p.amount(), Long::sum));
		// intoEscrow of each split debits the buyer funds; the difference is what goes back
		List<Posting> postings = new ArrayList<>();
		net.forEach((account, amount) -> add(postings, account, -amount));
		return postings;
	}

	/** Payment received: the buyer's money enters escrow, one part per party. */
	List<Posting> intoEscrow() {
		List<Posting> postings = new ArrayList<>();
		add(postings, LedgerAccounts.PAYMENTS_RECEIVED, -paid);
		add(postings, LedgerAccounts.supplierEscrow(supplierId), supplier);
		add(postings, LedgerAccounts.PLATFORM_ESCROW, platformFee);
		add(postings, LedgerAccounts.shopEscrow(shopId), seller);
		for (Commission c : commissions) {
			add(postings, LedgerAccounts.promoterEscrow(c.promoterAccountId()), c.amount());
		}
		return postings;
	}

	/** Settlement: each party's escrow part becomes available to it. */
	List<Posting> release() {
		List<Posting> postings = new ArrayList<>();
		add(postings, LedgerAccounts.supplierEscrow(supplierId), -supplier);
		add(postings, LedgerAccounts.supplier(supplierId), supplier);
		add(postings, LedgerAccounts.PLATFORM_ESCROW, -platformFee);
		add(postings, LedgerAccounts.PLATFORM_FEES, platformFee);
		add(postings, LedgerAccounts.shopEscrow(shopId), -seller);
		add(postings, LedgerAccounts.shop(shopId), seller);
		for (Commission c : commissions) {
			add(postings, LedgerAccounts.promoterEscrow(c.promoterAccountId()), -c.amount());
			add(postings, LedgerAccounts.promoter(c.promoterAccountId()), c.amount());
		}
		return postings;
	}

	/** Full refund before settlement: every escrow part goes back to the buyer. */
	List<Posting> refund() {
		return intoEscrow().stream().map(p -> new Posting(p.account(), -p.amount())).toList();
	}

	private static void add(List<Posting> postings, String account, long amount) {
		if (amount != 0) {
			postings.add(new Posting(account, amount));
		}
	}

	/**
	 * One promoter's commission on the order: {@code level} 1 for the promoter whose link
	 * brought it, 2 for that promoter's recruiter; {@code amount} in minor units, rounded down.
	 */
	public record Commission(UUID promoterAccountId, int level, long amount) {

		public Commission {
			if (promoterAccountId == null || level < 1 || level > 2 || amount < 0) {
				throw new IllegalArgumentException("a commission needs a promoter, level 1 or 2 and no negative amount");
			}
		}

	}

}
