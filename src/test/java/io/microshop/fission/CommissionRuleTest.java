package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.microshop.ledger.EscrowSplit.Commission;
import io.microshop.ledger.EscrowSplit;
import io.microshop.ordering.PaidOrder;
import org.junit.jupiter.api.Test;

/** The commission rule, by examples and over generated orders (seed printed; replay with -Dcommission.seed). */
class CommissionRuleTest {

	static final UUID SHOP = UUID.randomUUID();

	static final UUID BUYER = UUID.randomUUID();

	static final Promoter TOP = promoter(null, 1);

	static final Promoter RECRUIT = promoter(TOP, 2);

	@Test
	void level1IsTheRateOfTheMarginPerUnitRoundedDownTimesQuantity() {
		// margin 1_999: floor(1_000 x 1_999 / 10_000) = 199 per unit, x 3
		List<PaidOrder.Line> lines = List.of(line(3, 3_999, 2_000), line(1, 101, 100));
		CommissionRule.Decision d = CommissionRule.decide(BUYER, TOP, null, 1_000, 500, 2, lines);

		assertThat(d.commissions()).containsExactly(new Commission(TOP.accountId(), 1, 199 * 3 + 0));
		assertThat(d.promoters()).containsExactly(TOP);
		assertThat(d.selfReferrals()).isEmpty();
	}

	@Test
	void level2GoesToTheRecruiterOnlyWithTwoLevels() {
		List<PaidOrder.Line> lines = List.of(line(2, 5_000, 3_000));

		CommissionRule.Decision two = CommissionRule.decide(BUYER, RECRUIT, TOP, 1_000, 500, 2, lines);
		CommissionRule.Decision one = CommissionRule.decide(BUYER, RECRUIT, TOP, 1_000, 500, 1, lines);
		CommissionRule.Decision topShares = CommissionRule.decide(BUYER, TOP, null, 1_000, 500, 2, lines);

		assertThat(two.commissions()).containsExactly(new Commission(RECRUIT.accountId(), 1, 400),
				new Commission(TOP.accountId(), 2, 200));
		assertThat(one.commissions()).containsExactly(new Commission(RECRUIT.accountId(), 1, 400));
		assertThat(topShares.commissions()).containsExactly(new Commission(TOP.accountId(), 1, 400));
	}

	@Test
	void neverDeeperThanTwoLevels() {
		Promoter third = promoter(RECRUIT, 3);
		List<PaidOrder.Line> lines = List.of(line(1, 10_000, 0));

		CommissionRule.Decision d = CommissionRule.decide(BUYER, third, RECRUIT, 2_000, 3_000, 2, lines);

		assertThat(d.commissions()).containsExactly(new Commission(third.accountId(), 1, 2_000),
				new Commission(RECRUIT.accountId(), 2, 3_000));
		assertThat(d.commissions()).noneMatch(c -> c.promoterAccountId().equals(TOP.accountId()));
	}

	@Test
	void aPromotersOwnPurchaseEarnsNothingAtAnyLevelAndIsFlagged() {
		List<PaidOrder.Line> lines = List.of(line(1, 10_000, 0));

		CommissionRule.Decision own = CommissionRule.decide(RECRUIT.accountId(), RECRUIT, TOP, 2_000, 3_000, 2, lines);
		CommissionRule.Decision recruiterBuys = CommissionRule.decide(TOP.accountId(), RECRUIT, TOP, 2_000, 3_000, 2,
				lines);

		assertThat(own.commissions()).isEmpty();
		assertThat(own.selfReferrals()).hasSize(1);
		assertThat(recruiterBuys.commissions()).containsExactly(new Commission(RECRUIT.accountId(), 1, 2_000));
		assertThat(recruiterBuys.selfReferrals()).hasSize(1);
	}

	@Test
	void noPromoterNoCommissionAndZeroAmountsAreNoCommission() {
		List<PaidOrder.Line> lines = List.of(line(1, 10_000, 0));

		assertThat(CommissionRule.decide(BUYER, null, null, 2_000, 3_000, 2, lines).commissions()).isEmpty();
		assertThat(CommissionRule.decide(BUYER, RECRUIT, TOP, 0, 0, 2, lines).commissions()).isEmpty();
		// margin 9: floor(100 x 9 / 10_000) = 0
		assertThat(CommissionRule.decide(BUYER, TOP, null, 100, 0, 2, List.of(line(5, 109, 100))).commissions())
			.isEmpty();
		// a negative margin earns nothing (and takes nothing)
		assertThat(CommissionRule.amount(5_000, List.of(line(2, 100, 150)))).isZero();
	}

	@Test
	void maxLevelsIsOneOrTwo() {
		assertThat(CommissionRule.requireMaxLevels(1)).isEqualTo(1);
		assertThat(CommissionRule.requireMaxLevels(2)).isEqualTo(2);
		for (int bad : new int[] { 0, 3, -1, 10 }) {
			assertThatThrownBy(() -> CommissionRule.requireMaxLevels(bad)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("max-levels");
		}
		assertThatThrownBy(() -> CommissionRule.decide(BUYER, TOP, null, 3_000, 2_001, 2, List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void generatedOrdersPayAtMostHalfTheMarginAndSplitsStillSumToThePaidAmount() {
		long seed = Long.getLong("commission.seed", System.nanoTime());
		System.out.println("CommissionRuleTest seed: " + seed + " (replay with -Dcommission.seed=" + seed + ")");
		Random random = new Random(seed);
		for (int i = 0; i < 20_000; i++) {
			String as = "seed " + seed + ", case " + i;
			int l1 = random.nextInt(5_001);
			int l2 = random.nextInt(5_001 - l1);
			int maxLevels = 1 + random.nextInt(2);
			List<PaidOrder.Line> lines = new ArrayList<>();
			long goods = 0;
			long supply = 0;
			long margin = 0;
			for (int n = 1 + random.nextInt(3); n > 0; n--) {
				long supplyPrice = random.nextInt(100_000);
				long price = supplyPrice + random.nextInt(random.nextBoolean() ? 50 : 200_000);
				int quantity = 1 + random.nextInt(20);
				lines.add(line(quantity, price, supplyPrice));
				goods += price * quantity;
				supply += supplyPrice * quantity;
				margin += (price - supplyPrice) * quantity;
			}
			boolean hasRecruiter = random.nextBoolean();
			Promoter sharer = hasRecruiter ? RECRUIT : TOP;
			Promoter recruiter = hasRecruiter ? TOP : null;
			int who = random.nextInt(4);
			UUID buyer = who == 0 ? sharer.accountId() : who == 1 && hasRecruiter ? TOP.accountId() : BUYER;

			CommissionRule.Decision d = CommissionRule.decide(buyer, sharer, recruiter, l1, l2, maxLevels, lines);

			long total = d.commissions().stream().mapToLong(Commission::amount).sum();
			assertThat(total).as(as).isLessThanOrEqualTo(margin / 2);
			assertThat(d.commissions()).as(as).allMatch(c -> c.amount() > 0);
			if (buyer.equals(sharer.accountId())) {
				assertThat(d.commissions()).as(as).isEmpty();
				assertThat(d.selfReferrals()).as(as).isNotEmpty();
			}
			assertThat(d.commissions()).as(as).noneMatch(c -> c.promoterAccountId().equals(buyer));
			assertThat(d.commissions().stream().filter(c -> c.level() == 2)).as(as)
				.allMatch(c -> maxLevels == 2 && hasRecruiter && c.promoterAccountId().equals(TOP.accountId()));
			assertThat(d.commissions().stream().filter(c -> c.level() == 1)).as(as)
				.allMatch(c -> c.promoterAccountId().equals(sharer.accountId())
						&& c.amount() == CommissionRule.amount(l1, lines));
			long shipping = random.nextInt(2_000);
			EscrowSplit split = EscrowSplit.of(UUID.randomUUID(), SHOP, UUID.randomUUID(), "CNY", goods + shipping,
					goods, supply, shipping, 200, d.commissions());
			assertThat(split.supplier() + split.platformFee() + split.seller() + split.commissionTotal()).as(as)
				.isEqualTo(goods + shipping);
		}
	}

	static PaidOrder.Line line(int quantity, long price, long supplyPrice) {
		return new PaidOrder.Line(UUID.randomUUID(), quantity, price, supplyPrice);
	}

	static Promoter promoter(Promoter recruiter, int level) {
		return new Promoter(UUID.randomUUID(), SHOP, UUID.randomUUID(), ShareCodes.newCode(),
				recruiter == null ? null : recruiter.id(), level, Instant.now());
	}

}
