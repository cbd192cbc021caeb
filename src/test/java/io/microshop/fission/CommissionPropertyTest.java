package io.microshop.fission;

import static io.microshop.fission.CommissionFixtures.commissionStatuses;
import static io.microshop.fission.CommissionFixtures.commissionsByLevel;
import static io.microshop.fission.FraudFixtures.awaitJudged;
import static io.microshop.fission.FraudFixtures.kindsOf;
import static io.microshop.support.Eventually.eventually;
import static io.microshop.support.LedgerRows.postings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.NewProduct;
import io.microshop.catalog.Product;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.Identity;
import io.microshop.ledger.Ledger;
import io.microshop.ledger.LedgerAccounts;
import io.microshop.ledger.TrialBalance;
import io.microshop.ordering.OrderLifecycle;
import io.microshop.ordering.OrderStatus;
import io.microshop.ordering.OrderView;
import io.microshop.ordering.Ordering;
import io.microshop.ordering.PaidOrder;
import io.microshop.ordering.PlaceOrder;
import io.microshop.payment.Payments;
import io.microshop.shop.Listing;
import io.microshop.shop.NewListing;
import io.microshop.shop.Shop;
import io.microshop.shop.ShopChange;
import io.microshop.shop.Shops;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Generated orders through share links over random promoter trees (depth 1 to 3), random
 * rates (changed between placing and paying: the rates at payment count), random prices,
 * self-referrals, cancellations before and after payment, and settlements. Checked after
 * every order: each ledger transaction sums to zero and the trial balance is zero; the
 * commissions are the rule's to the fen (computed here independently); a settled order's
 * parts (supplier + fee + seller + commissions) sum to what was paid; level 2 exists only
 * when the sharer has a recruiter and max-levels is 2; a self-referral earns nothing at any
 * level and is flagged. The seed is printed; replay with {@code -Dcommission.seed=<seed>}.
 */
class CommissionPropertyTest extends AppTest {

	static final int ORDERS = Integer.getInteger("commission.orders", 300);

	static final int ORDERS_PER_SHOP = 25;

	@Autowired
	Identity identity;

	@Autowired
	Catalog catalog;

	@Autowired
	Shops shops;

	@Autowired
	Ordering ordering;

	@Autowired
	OrderLifecycle lifecycle;

	@Autowired
	Payments payments;

	@Autowired
	Ledger ledger;

	@Autowired
	Shares shares;

	@Autowired
	Promoters promoters;

	@Autowired
	Commissions commissions;

	Random random;

	AccountPrincipal supplierOwner;

	Supplier supplier;

	@Test
	void everyOrderPaysCommissionsByTheRuleAndKeepsTheBooksBalanced() {
		long seed = Long.getLong("commission.seed", System.nanoTime());
		System.out.println("CommissionPropertyTest seed: " + seed + " (replay with -Dcommission.seed=" + seed + ")");
		random = new Random(seed);
		int maxLevels = commissions.maxLevels();
		supplierOwner = account();
		supplier = catalog.registerSupplier(supplierOwner, "Commission property supplier");
		World world = null;
		Map<UUID, OrderStatus> expectedStatus = new LinkedHashMap<>();
		int selfReferrals = 0;
		int level2s = 0;
		for (int n = 0; n < ORDERS; n++) {
			if (n % ORDERS_PER_SHOP == 0) {
				world = world(seed, n);
			}
			String as = "seed " + seed + ", order " + n;
			Listing listing = world.listings.get(random.nextInt(world.listings.size()));
			Listing.ListedSku sku = listing.skus().get(0);
			boolean promoterShares = random.nextInt(5) != 0;
			AccountPrincipal sharer = promoterShares ? pick(world.promoterAccounts)
					: pick(world.others);
			Promoter sharerPromoter = world.promoters.get(sharer.accountId());
			Promoter recruiter = sharerPromoter == null || sharerPromoter.recruiterId() == null ? null
					: world.byId.get(sharerPromoter.recruiterId());
			AccountPrincipal buyer;
			int who = random.nextInt(10);
			if (who < 2) {
				buyer = sharer;
			}
			else if (who < 3 && recruiter != null) {
				buyer = world.accounts.get(recruiter.accountId());
			}
			else {
				buyer = pick(world.fans);
			}
			String code = world.links.computeIfAbsent(sharer.accountId() + "/" + listing.id(),
					k -> shares.share(sharer, listing.id(), Channel.LINK).code());
			int quantity = 1 + random.nextInt(5);
			OrderView order = ordering.place(buyer,
					new PlaceOrder(listing.id(), List.of(new PlaceOrder.Item(sku.id(), quantity)),
							new PlaceOrder.ShipTo("Buyer", "13912345678", "Road " + n), code, null, null),
					null);
			UUID id = order.id();
			// fraud signals (bursts of one buyer, refund loops) are judged after the order's commit:
			// wait for the judgement, so whether the order was flagged before payment is known
			awaitJudged(jdbc, "order_signals", id);
			if (random.nextBoolean()) {
				world.rates(randomRates());
			}
			int l1 = world.level1;
			int l2 = world.level2;
			boolean paid = random.nextInt(10) != 0;
			boolean flaggedBeforePayment = false;
			OrderStatus end;
			if (!paid) {
				if (random.nextBoolean()) {
					clock.advance(Duration.ofMinutes(16));
					lifecycle.cancelOverdueUnpaid();
				}
				else {
					lifecycle.cancel(id, buyer);
				}
				end = OrderStatus.CANCELLED;
			}
			else {
				flaggedBeforePayment = !kindsOf(jdbc, id.toString()).isEmpty();
				pay(order);
				// rates changed after payment change nothing for this order
				if (random.nextInt(4) == 0) {
					world.rates(randomRates());
				}
				if (random.nextInt(4) == 0) {
					lifecycle.cancel(id, buyer);
					awaitJudged(jdbc, "order_refunds", id);
					end = OrderStatus.CANCELLED;
				}
				else {
					lifecycle.ship(supplier.id(), id, supplierOwner, "SF", "SF" + n);
					if (random.nextBoolean()) {
						lifecycle.confirmReceipt(id, buyer);
					}
					else {
						clock.advance(Duration.ofDays(7).plusMinutes(1));
						lifecycle.autoReceive();
					}
					clock.advance(Duration.ofDays(7).plusMinutes(1));
					lifecycle.settleDue();
					end = OrderStatus.SETTLED;
				}
			}
			OrderView done = ordering.order(id, buyer);
			assertThat(done.status()).as(as).isEqualTo(end);

			// what the rule says, computed here
			List<PaidOrder.Line> lines = List.of(new PaidOrder.Line(sku.id(), quantity, sku.price(), sku.supplyPrice()));
			Map<Integer, Map.Entry<UUID, Long>> expected = new HashMap<>();
			boolean selfReferral = sharerPromoter != null && buyer.is(sharer.accountId());
			boolean recruiterBuys = sharerPromoter != null && !selfReferral && recruiter != null
					&& buyer.is(recruiter.accountId()) && maxLevels == 2;
			// a flagged order earns nothing: a self-referral (the recruiter buying too), or a signal before payment
			if (paid && sharerPromoter != null && !selfReferral && !recruiterBuys && !flaggedBeforePayment) {
				long level1 = (long) l1 * (sku.price() - sku.supplyPrice()) / 10_000 * quantity;
				if (level1 > 0) {
					expected.put(1, Map.entry(sharer.accountId(), level1));
				}
				long level2 = (long) l2 * (sku.price() - sku.supplyPrice()) / 10_000 * quantity;
				if (recruiter != null && maxLevels == 2 && !recruiterBuys && level2 > 0) {
					expected.put(2, Map.entry(recruiter.accountId(), level2));
				}
			}
			Map<Integer, Map.Entry<UUID, Long>> stored = commissionsByLevel(jdbc, id);
			assertThat(stored).as(as).isEqualTo(expected);
			if (stored.containsKey(2)) {
				level2s++;
				assertThat(recruiter).as(as + ": level 2 needs a recruiter").isNotNull();
				assertThat(maxLevels).as(as).isEqualTo(2);
			}
			List<String> flags = kindsOf(jdbc, id.toString())
				.stream()
				.filter(CommissionRule.SELF_REFERRAL::equals)
				.toList();
			if (paid && selfReferral) {
				selfReferrals++;
				assertThat(stored).as(as + ": self-referral").isEmpty();
				assertThat(flags).as(as + ": self-referral").containsExactly(CommissionRule.SELF_REFERRAL);
			}
			else if (paid && recruiterBuys) {
				assertThat(flags).as(as + ": the recruiter bought").containsExactly(CommissionRule.SELF_REFERRAL);
			}
			else {
				assertThat(flags).as(as).isEmpty();
			}
			long commissionTotal = expected.values().stream().mapToLong(Map.Entry::getValue).sum();
			Map<String, Long> escrow = postings(jdbc, Ledger.PAYMENT, id);
			for (var e : expected.values()) {
				assertThat(escrow.get(LedgerAccounts.promoterEscrow(e.getKey()))).as(as).isEqualTo(e.getValue());
			}
			assertThat(escrow.keySet().stream().filter(a -> a.startsWith("escrow:promoter:")).count()).as(as)
				.isEqualTo(expected.size());
			if (end == OrderStatus.SETTLED) {
				Map<String, Long> settled = postings(jdbc, Ledger.SETTLEMENT, id);
				long supplierPart = sku.supplyPrice() * quantity + listing.shippingFee();
				long fee = done.goodsTotal() * 200 / 10_000;
				long seller = done.total() - supplierPart - fee - commissionTotal;
				assertThat(settled.getOrDefault(LedgerAccounts.supplier(supplier.id()), 0L)).as(as).isEqualTo(supplierPart);
				assertThat(settled.getOrDefault(LedgerAccounts.PLATFORM_FEES, 0L)).as(as).isEqualTo(fee);
				assertThat(settled.getOrDefault(LedgerAccounts.shop(world.shop.id()), 0L)).as(as).isEqualTo(seller);
				long promoterParts = settled.entrySet()
					.stream()
					.filter(e -> e.getKey().startsWith("promoter:"))
					.mapToLong(Map.Entry::getValue)
					.sum();
				assertThat(promoterParts).as(as).isEqualTo(commissionTotal);
				for (var e : expected.values()) {
					assertThat(settled.get(LedgerAccounts.promoter(e.getKey()))).as(as).isEqualTo(e.getValue());
				}
				assertThat(supplierPart + fee + seller + promoterParts).as(as).isEqualTo(done.total());
			}
			else {
				assertThat(postings(jdbc, Ledger.SETTLEMENT, id)).as(as).isEmpty();
				Map<String, Long> net = new HashMap<>(escrow);
				postings(jdbc, Ledger.REFUND, id).forEach((account, amount) -> net.merge(account, amount, Long::sum));
				assertThat(net.values()).as(as + ": a refund returns every part").allMatch(v -> v == 0);
			}
			assertThat(ledger.unbalancedTransactions()).as(as).isEmpty();
			TrialBalance trial = ledger.trialBalance();
			assertThat(trial.sum()).as(as).isZero();
			assertThat(trial.balanced()).as(as).isTrue();
			if (!expected.isEmpty()) {
				expectedStatus.put(id, end == OrderStatus.SETTLED ? OrderStatus.SETTLED : OrderStatus.CANCELLED);
			}
		}
		System.out.println("CommissionPropertyTest: " + ORDERS + " orders, " + expectedStatus.size()
				+ " with commissions, " + level2s + " with level 2, " + selfReferrals + " self-referrals");
		assertThat(selfReferrals).as("the generator makes self-referrals").isPositive();
		// statuses follow the orders' events, after their commits
		eventually(() -> expectedStatus.forEach((id, end) -> assertThat(commissionStatuses(jdbc, id)).as(id.toString())
			.containsOnly(end == OrderStatus.SETTLED ? "AVAILABLE" : "CANCELLED")));
	}

	/** A shop with three listings, a random promoter tree of depth 1 to 3, non-promoters and fans. */
	private World world(long seed, int n) {
		World w = new World();
		w.seller = account();
		w.shop = shops.open(w.seller, "Commission shop", "com-" + Long.toString(Math.abs(seed) % 1_000_000_000L, 36)
				+ "-" + n + "-" + Long.toString(System.nanoTime() % 100_000, 36));
		w.rates(randomRates());
		for (int i = 0; i < 3; i++) {
			w.listings.add(randomListing(w));
		}
		int size = 1 + random.nextInt(7);
		for (int i = 0; i < size; i++) {
			AccountPrincipal fan = account();
			Promoter recruiter = null;
			if (!w.promoterList.isEmpty() && random.nextInt(3) != 0) {
				List<Promoter> eligible = w.promoterList.stream().filter(p -> p.level() < 3).toList();
				recruiter = eligible.get(random.nextInt(eligible.size()));
			}
			Promoter p = promoters.join(fan, w.shop.id(), recruiter == null ? null : recruiter.code()).promoter();
			assertThat(p.level()).isEqualTo(recruiter == null ? 1 : recruiter.level() + 1);
			w.add(fan, p);
		}
		for (int i = 0; i < 2; i++) {
			AccountPrincipal other = account();
			w.others.add(other);
			w.accounts.put(other.accountId(), other);
		}
		for (int i = 0; i < 3; i++) {
			w.fans.add(account());
		}
		return w;
	}

	private int[] randomRates() {
		int l1 = random.nextInt(4) == 0 ? 0 : random.nextInt(5_001);
		int l2 = random.nextInt(4) == 0 ? 0 : random.nextInt(5_001 - l1);
		return new int[] { l1, l2 };
	}

	private Listing randomListing(World w) {
		long supply = random.nextInt(50_000);
		long floor = supply + 1 + random.nextInt(random.nextBoolean() ? 20 : 50_000);
		long price = floor + random.nextInt(random.nextBoolean() ? 100 : 100_000);
		long shipping = random.nextInt(4) == 0 ? 0 : random.nextInt(2_000);
		Product product = catalog.publish(supplier.id(), supplierOwner, new NewProduct("Item", "", List.of(), shipping,
				List.of(new NewProduct.NewSku("S", "One", supply, floor, 1_000))));
		return shops.list(w.shop.id(), w.seller,
				new NewListing(product.id(), List.of(new NewListing.SkuPrice(product.skus().get(0).id(), price))));
	}

	private void pay(OrderView order) {
		payments.succeeded("evt_" + UUID.randomUUID(), "payment.succeeded", order.payment().id(), order.total(),
				order.currency(), "{}");
		lifecycle.paymentSucceeded(order.id());
	}

	private <T> T pick(List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	private AccountPrincipal account() {
		return identity.register(Scenario.newPhone(), "password-123", "Commission");
	}

	/** One shop and the people around it. */
	final class World {

		AccountPrincipal seller;

		Shop shop;

		int level1;

		int level2;

		final List<Listing> listings = new ArrayList<>();

		final Map<UUID, Promoter> promoters = new HashMap<>();

		final Map<UUID, Promoter> byId = new HashMap<>();

		final List<Promoter> promoterList = new ArrayList<>();

		final List<AccountPrincipal> promoterAccounts = new ArrayList<>();

		final List<AccountPrincipal> others = new ArrayList<>();

		final List<AccountPrincipal> fans = new ArrayList<>();

		final Map<UUID, AccountPrincipal> accounts = new HashMap<>();

		final Map<String, String> links = new HashMap<>();

		void add(AccountPrincipal account, Promoter p) {
			promoters.put(account.accountId(), p);
			byId.put(p.id(), p);
			promoterList.add(p);
			promoterAccounts.add(account);
			accounts.put(account.accountId(), account);
		}

		void rates(int[] rates) {
			Shop changed = shops.change(shop.id(), seller, new ShopChange(null, rates[0], rates[1]));
			level1 = changed.level1CommissionBps();
			level2 = changed.level2CommissionBps();
		}

	}

}
