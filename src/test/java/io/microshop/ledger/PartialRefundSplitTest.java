package io.microshop.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A partial refund reduces the split: commissions in proportion, the seller takes the rest,
 * supplier and platform unchanged, and the parts still sum to what is still paid.
 */
class PartialRefundSplitTest {

	static final UUID ORDER = UUID.randomUUID();

	static final UUID SHOP = UUID.randomUUID();

	static final UUID SUPPLIER = UUID.randomUUID();

	static final UUID PROMOTER = UUID.randomUUID();

	static final UUID RECRUITER = UUID.randomUUID();

	@Test
	void theWorkedExample() {
		// 2 x 39.00, supply 20.00 each, shipping 8.00, fee 2%, commissions 3.80 and 1.90; 10.00 back
		EscrowSplit paid = split(8_600, 7_800, 4_000, 800, 200, 380, 190);
		EscrowSplit after = paid.afterPartialRefund(1_000);

		assertThat(after.paid()).isEqualTo(7_600);
		assertThat(after.supplier()).isEqualTo(4_800);
		assertThat(after.platformFee()).isEqualTo(156);
		assertThat(after.commissions()).extracting(EscrowSplit.Commission::amount).containsExactly(335L, 167L);
		assertThat(after.seller()).isEqualTo(7_600 - 4_800 - 156 - 335 - 167);
		Map<String, Long> refund = net(paid.partialRefund(after));
		assertThat(refund).containsEntry(LedgerAccounts.PAYMENTS_RECEIVED, 1_000L)
			.containsEntry(LedgerAccounts.promoterEscrow(PROMOTER), -45L)
			.containsEntry(LedgerAccounts.promoterEscrow(RECRUITER), -23L)
			.containsEntry(LedgerAccounts.shopEscrow(SHOP), -(1_000L - 45 - 23))
			.doesNotContainKeys(LedgerAccounts.supplierEscrow(SUPPLIER), LedgerAccounts.PLATFORM_ESCROW);
	}

	@Test
	void aRefundBeyondTheSellersMarginTakesTheSellersPartBelowZero() {
		EscrowSplit after = split(8_600, 7_800, 4_000, 800, 200, 380, 190).afterPartialRefund(8_000);
		assertThat(after.seller()).isNegative();
		assertThat(after.supplier() + after.platformFee() + after.seller() + after.commissionTotal()).isEqualTo(600);
	}

	@Test
	void aRefundOfNothingChangesNothingAndOfEverythingIsNoPartialRefund() {
		EscrowSplit paid = split(8_600, 7_800, 4_000, 800, 200, 380, 190);
		assertThat(paid.afterPartialRefund(0)).isEqualTo(paid);
		assertThatThrownBy(() -> paid.afterPartialRefund(8_600)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> paid.afterPartialRefund(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void partsSumToWhatIsStillPaidAndNoCommissionGrowsOrGoesNegative() {
		long seed = Long.getLong("seed", System.nanoTime());
		System.out.println("PartialRefundSplitTest seed " + seed + " (replay with -Dseed=" + seed + ")");
		Random random = new Random(seed);
		for (int example = 0; example < 10_000; example++) {
			long goods = 1 + random.nextLong(10_000_000);
			int supplyShare = random.nextInt(10_001);
			int level1Bps = random.nextInt(3_001);
			int level2Bps = random.nextInt(2_001);
			long shipping = random.nextLong(100_001);
			int refundShare = random.nextInt(10_000);
			long supply = goods * supplyShare / 10_000;
			long paidTotal = goods + shipping;
			long margin = goods - supply;
			long c1 = margin * level1Bps / 10_000;
			long c2 = margin * level2Bps / 10_000;
			EscrowSplit paid = split(paidTotal, goods, supply, shipping, 200, c1, c2);
			long refund = paidTotal * refundShare / 10_000;
			EscrowSplit after = paid.afterPartialRefund(refund);

			assertThat(after.paid()).isEqualTo(paidTotal - refund);
			assertThat(after.supplier() + after.platformFee() + after.seller() + after.commissionTotal())
				.as("seed %d", seed)
				.isEqualTo(paidTotal - refund);
			assertThat(after.supplier()).isEqualTo(paid.supplier());
			assertThat(after.platformFee()).isEqualTo(paid.platformFee());
			for (int i = 0; i < paid.commissions().size(); i++) {
				long before = paid.commissions().get(i).amount();
				long now = after.commissions().get(i).amount();
				assertThat(now).isBetween(0L, before);
				assertThat(now).isEqualTo(before * (paidTotal - refund) / paidTotal);
			}
			if (refund == 0) {
				assertThat(after).isEqualTo(paid);
				continue;
			}
			List<Posting> postings = paid.partialRefund(after);
			assertThat(postings.stream().mapToLong(Posting::amount).sum()).isZero();
			assertThat(net(postings).getOrDefault(LedgerAccounts.PAYMENTS_RECEIVED, 0L)).isEqualTo(refund);
			// refunds given one after another land where one refund of their sum does
			long second = (paidTotal - refund) / 3;
			if (second > 0 && refund + second < paidTotal) {
				EscrowSplit twice = paid.afterPartialRefund(refund + second);
				List<Posting> all = new ArrayList<>(postings);
				all.addAll(after.partialRefund(twice));
				assertThat(net(all)).as("seed %d", seed).isEqualTo(net(paid.partialRefund(twice)));
			}
		}
	}

	private static EscrowSplit split(long paid, long goods, long supply, long shipping, int bps, long c1, long c2) {
		List<EscrowSplit.Commission> commissions = new ArrayList<>();
		if (c1 > 0) {
			commissions.add(new EscrowSplit.Commission(PROMOTER, 1, c1));
		}
		if (c2 > 0) {
			commissions.add(new EscrowSplit.Commission(RECRUITER, 2, c2));
		}
		return EscrowSplit.of(ORDER, SHOP, SUPPLIER, "CNY", paid, goods, supply, shipping, bps, commissions);
	}

	private static Map<String, Long> net(List<Posting> postings) {
		return postings.stream()
			.collect(Collectors.groupingBy(Posting::account, Collectors.summingLong(Posting::amount)))
			.entrySet()
			.stream()
			.filter(e -> e.getValue() != 0)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
