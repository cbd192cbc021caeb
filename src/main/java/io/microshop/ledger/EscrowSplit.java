package io.microshop.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How one order's payment is divided, fixed when it is paid. The supplier gets supply price x
 * quantity + shipping fee; the platform floor(goods total x bps / 10000); the seller the
 * rest, so the parts always sum to what the buyer paid: no fen lost or invented.
 */
public record EscrowSplit(UUID orderId, UUID shopId, UUID supplierId, String currency, long paid, long supplier,
		long platformFee, long seller) {

	public EscrowSplit {
		if (supplier + platformFee + seller != paid) {
			throw new IllegalArgumentException("split parts do not sum to the amount paid");
		}
	}

	/** The split rule of PRODUCT.md, in integer arithmetic only. */
	public static EscrowSplit of(UUID orderId, UUID shopId, UUID supplierId, String currency, long paid,
			long goodsTotal, long supplyTotal, long shippingFee, int platformFeeBps) {
		if (platformFeeBps < 0 || platformFeeBps > 10_000 || goodsTotal < 0 || supplyTotal < 0 || shippingFee < 0) {
			throw new IllegalArgumentException("negative amount or fee out of range");
		}
		long supplierPart = Math.addExact(supplyTotal, shippingFee);
		long fee = Math.multiplyExact(goodsTotal, platformFeeBps) / 10_000;
		long seller = paid - supplierPart - fee;
		return new EscrowSplit(orderId, shopId, supplierId, currency, paid, supplierPart, fee, seller);
	}

	/** Payment received: the buyer's money enters escrow, one part per party. */
	List<Posting> intoEscrow() {
		List<Posting> postings = new ArrayList<>();
		add(postings, LedgerAccounts.PAYMENTS_RECEIVED, -paid);
		add(postings, LedgerAccounts.supplierEscrow(supplierId), supplier);
		add(postings, LedgerAccounts.PLATFORM_ESCROW, platformFee);
		add(postings, LedgerAccounts.shopEscrow(shopId), seller);
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

}
