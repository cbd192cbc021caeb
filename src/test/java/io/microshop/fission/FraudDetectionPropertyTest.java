package io.microshop.fission;

import static io.microshop.fission.FraudFixtures.joinShop;
import static io.microshop.fission.FraudFixtures.place;
import static io.microshop.fission.FraudFixtures.rates;
import static io.microshop.fission.ShareFixtures.share;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.microshop.ledger.Ledger;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A seeded generator of normal and fraudulent order streams, all through the HTTP API, and
 * how well the fraud signals tell them apart: at least 95% of the planted fraudulent orders
 * flagged, at most 2% of the normal ones. Prints the seed and both figures;
 * {@code -Dfraud.seed=<seed>} replays a run.
 * <p>
 * Normal: buyers with one or two orders of their own address and device, households of two to
 * four accounts sharing an address (and a tablet), promoters buying through other promoters'
 * links, now and then a paid order cancelled. Planted: promoters buying through their own link,
 * bursts of three or four orders from one buyer within the hour, clusters of five to seven
 * accounts shipping to one address (spelled differently) or ordering from one device, and
 * buyers paying and cancelling again and again (and their next order).
 */
class FraudDetectionPropertyTest extends AppTest {

	static final int SHOPS = 3;

	@Autowired
	Ledger ledger;

	private Random random;

	private final List<Market> markets = new ArrayList<>();

	private final List<List<Promoter>> promoters = new ArrayList<>();

	private final Set<String> normal = new LinkedHashSet<>();

	private final Set<String> planted = new LinkedHashSet<>();

	private final Set<String> shops = new HashSet<>();

	private final List<Integer> selfReferrers = new ArrayList<>();

	private int refunds;

	private int streets;

	record Promoter(User user, String code) {
	}

	@Test
	void plantedFraudIsFlaggedAndNormalOrdersAreNot() {
		long seed = Long.getLong("fraud.seed", System.nanoTime());
		System.out.println("FraudDetectionPropertyTest seed=" + seed + " (replay with -Dfraud.seed=" + seed + ")");
		random = new Random(seed);
		long started = System.currentTimeMillis();
		for (int s = 0; s < SHOPS; s++) {
			Market market = scenario.market(2_000, 3_000, 3_900, 5_000, 0);
			rates(api, market, 1_000);
			markets.add(market);
			shops.add(market.shop().id());
			List<Promoter> team = new ArrayList<>();
			for (int p = 0; p < 3; p++) {
				User user = scenario.user();
				joinShop(api, user, market);
				team.add(new Promoter(user, share(api, user, market.listingId(), "wechat")));
			}
			promoters.add(team);
		}
		for (int i = 0; i < SHOPS * 3; i++) {
			selfReferrers.add(i);
		}
		java.util.Collections.shuffle(selfReferrers, random);
		List<Runnable> streams = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			streams.add(this::normalBuyer);
		}
		for (int i = 0; i < 5; i++) {
			streams.add(this::household);
		}
		for (int s = 0; s < SHOPS; s++) {
			for (int p = 0; p < 3; p++) {
				int shop = s;
				int promoter = p;
				streams.add(() -> promoterBuysThroughAnother(shop, promoter));
			}
		}
		for (int i = 0; i < 4; i++) {
			streams.add(this::selfReferral);
			streams.add(this::burst);
			streams.add(this::sharedAddress);
			streams.add(this::sharedDevice);
		}
		for (int i = 0; i < 3; i++) {
			streams.add(this::refundLoop);
		}
		java.util.Collections.shuffle(streams, random);
		for (Runnable stream : streams) {
			stream.run();
			clock.advance(Duration.ofMinutes(random.nextInt(20)));
		}
		awaitJudged();

		Set<String> flagged = new HashSet<>(jdbc.sql("""
				SELECT DISTINCT order_id::text FROM fraud_flags WHERE shop_id IN (?, ?, ?) AND status = 'OPEN'""")
			.params(shops.stream().map(UUID::fromString).toArray())
			.query(String.class)
			.list());
		long caught = planted.stream().filter(flagged::contains).count();
		long falsePositives = normal.stream().filter(flagged::contains).count();
		double caughtShare = (double) caught / planted.size();
		double falseShare = (double) falsePositives / normal.size();
		System.out.printf(Locale.ROOT,
				"FraudDetectionPropertyTest seed=%d: planted fraudulent orders flagged %d/%d = %.1f%%, "
						+ "normal orders flagged %d/%d = %.1f%% (%.1f s)%n",
				seed, caught, planted.size(), 100 * caughtShare, falsePositives, normal.size(), 100 * falseShare,
				(System.currentTimeMillis() - started) / 1000.0);

		assertThat(caughtShare).as("share of planted fraud flagged, seed " + seed).isGreaterThanOrEqualTo(0.95);
		assertThat(falseShare).as("share of normal orders flagged, seed " + seed).isLessThanOrEqualTo(0.02);
		// and what flags do: no flagged order of these shops keeps a commission
		assertThat(jdbc.sql("""
				SELECT count(*) FROM commissions c WHERE c.status IN ('PENDING', 'AVAILABLE')
				AND EXISTS (SELECT 1 FROM fraud_flags f WHERE f.order_id = c.order_id AND f.status = 'OPEN')
				AND c.shop_id IN (?, ?, ?)""")
			.params(shops.stream().map(UUID::fromString).toArray())
			.query(Long.class)
			.single()).as("commissions of flagged orders, seed " + seed).isZero();
		assertThat(ledger.trialBalance().balanced()).isTrue();
		assertThat(ledger.unbalancedTransactions()).isEmpty();
	}

	// ---- normal streams -------------------------------------------------------------

	/** One or two orders, own address and device, through a link half the time, mostly paid. */
	private void normalBuyer() {
		int shop = random.nextInt(SHOPS);
		User buyer = scenario.user();
		String address = newAddress();
		String device = random.nextInt(10) < 7 ? FraudFixtures.device() : null;
		int orders = 1 + random.nextInt(2);
		for (int i = 0; i < orders; i++) {
			Api.Response order = place(api, scenario, buyer, markets.get(shop), anyCode(shop), address, device);
			normal.add(order.id());
			if (random.nextInt(10) < 7) {
				scenario.pay(buyer, order);
				if (random.nextInt(10) == 0) {
					cancel(buyer, order);
				}
			}
			clock.advance(Duration.ofMinutes(random.nextInt(90)));
		}
	}

	/** Two to four accounts of one home: one address, often one shared tablet too. */
	private void household() {
		int shop = random.nextInt(SHOPS);
		String address = newAddress();
		String tablet = random.nextBoolean() ? FraudFixtures.device() : null;
		int members = 2 + random.nextInt(3);
		for (int i = 0; i < members; i++) {
			User member = scenario.user();
			Api.Response order = place(api, scenario, member, markets.get(shop), anyCode(shop), variant(address),
					tablet);
			normal.add(order.id());
			scenario.pay(member, order);
		}
	}

	private void promoterBuysThroughAnother(int shop, int promoter) {
		Promoter buyer = promoters.get(shop).get(promoter);
		Promoter other = promoters.get(shop).get((promoter + 1 + random.nextInt(2)) % 3);
		Api.Response order = place(api, scenario, buyer.user(), markets.get(shop), other.code(), newAddress(),
				FraudFixtures.device());
		normal.add(order.id());
		scenario.pay(buyer.user(), order);
	}

	// ---- planted fraud --------------------------------------------------------------

	/** A promoter buys through their own link (each promoter at most once: no burst on top of it). */
	private void selfReferral() {
		int pick = selfReferrers.remove(selfReferrers.size() - 1);
		int shop = pick / 3;
		Promoter promoter = promoters.get(shop).get(pick % 3);
		Api.Response order = place(api, scenario, promoter.user(), markets.get(shop), promoter.code(), newAddress(),
				null);
		planted.add(order.id());
		scenario.pay(promoter.user(), order);
	}

	/** Three or four orders from one buyer within the hour. */
	private void burst() {
		int shop = random.nextInt(SHOPS);
		User buyer = scenario.user();
		String address = newAddress();
		int orders = 3 + random.nextInt(2);
		for (int i = 0; i < orders; i++) {
			Api.Response order = place(api, scenario, buyer, markets.get(shop), anyCode(shop), address, null);
			planted.add(order.id());
			if (random.nextBoolean()) {
				scenario.pay(buyer, order);
			}
			clock.advance(Duration.ofMinutes(random.nextInt(15)));
		}
	}

	/** Five to seven accounts shipping to one address, spelled differently, over days. */
	private void sharedAddress() {
		int shop = random.nextInt(SHOPS);
		String address = newAddress();
		int accounts = 5 + random.nextInt(3);
		for (int i = 0; i < accounts; i++) {
			User buyer = scenario.user();
			Api.Response order = place(api, scenario, buyer, markets.get(shop), anyCode(shop), variant(address),
					FraudFixtures.device());
			planted.add(order.id());
			scenario.pay(buyer, order);
			clock.advance(Duration.ofHours(random.nextInt(48)));
		}
	}

	/** Five to seven accounts on one phone, each with an address of its own. */
	private void sharedDevice() {
		int shop = random.nextInt(SHOPS);
		String device = FraudFixtures.device();
		int accounts = 5 + random.nextInt(3);
		for (int i = 0; i < accounts; i++) {
			User buyer = scenario.user();
			Api.Response order = place(api, scenario, buyer, markets.get(shop), anyCode(shop), newAddress(), device);
			planted.add(order.id());
			if (random.nextInt(4) > 0) {
				scenario.pay(buyer, order);
			}
			clock.advance(Duration.ofHours(random.nextInt(24)));
		}
	}

	/** Pay, cancel, again and again, days apart; then one more order. */
	private void refundLoop() {
		int shop = random.nextInt(SHOPS);
		User buyer = scenario.user();
		String address = newAddress();
		int loops = 3 + random.nextInt(2);
		for (int i = 0; i <= loops; i++) {
			Api.Response order = place(api, scenario, buyer, markets.get(shop), anyCode(shop), address, null);
			planted.add(order.id());
			scenario.pay(buyer, order);
			if (i < loops) {
				cancel(buyer, order);
			}
			clock.advance(Duration.ofHours(2 + random.nextInt(72)));
		}
	}

	// ---- helpers --------------------------------------------------------------------

	private void cancel(User buyer, Api.Response order) {
		var cancelled = api.post("/api/v1/orders/" + order.id() + "/cancel", buyer.token(), null);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		refunds++;
	}

	/** A share code of the shop half the time. */
	private String anyCode(int shop) {
		return random.nextBoolean() ? promoters.get(shop).get(random.nextInt(3)).code() : null;
	}

	private String newAddress() {
		return (1 + random.nextInt(300)) + " " + List.of("Lotus", "Canal", "Garden", "Bamboo", "Harbour").get(random.nextInt(5))
				+ " Road, Flat " + (++streets) + "-" + Long.toString(random.nextLong() & 0xffffffL, 36) + ", Hangzhou";
	}

	/** The same address as people type it: case, spaces and commas vary. */
	private String variant(String address) {
		return switch (random.nextInt(3)) {
			case 0 -> address;
			case 1 -> address.toUpperCase(Locale.ROOT).replace(",", " ");
			default -> "  " + address.replace(" ", "  ").replace(",", "，") + ".";
		};
	}

	/** Until every order placed and every refund here has been judged (listeners run after commit). */
	private void awaitJudged() {
		long deadline = System.currentTimeMillis() + 20_000;
		Object[] ids = shops.stream().map(UUID::fromString).toArray();
		int orders = normal.size() + planted.size();
		while (System.currentTimeMillis() < deadline) {
			long seen = jdbc.sql("SELECT count(*) FROM order_signals WHERE shop_id IN (?, ?, ?)")
				.params(ids)
				.query(Long.class)
				.single();
			long refunded = jdbc.sql("SELECT count(*) FROM order_refunds WHERE shop_id IN (?, ?, ?)")
				.params(ids)
				.query(Long.class)
				.single();
			if (seen >= orders && refunded >= refunds) {
				Scenario.sleep(300);
				return;
			}
			Scenario.sleep(100);
		}
		throw new AssertionError("fraud signals were not all judged in time");
	}

}
