package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.microshop.fission.FraudRules.Hit;
import io.microshop.ordering.OrderOrigin;
import org.junit.jupiter.api.Test;

/** The cluster rule and address normalisation, without the app. */
class FraudRulesTest {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	static final Duration HOUR = Duration.ofHours(1);

	@Test
	void threeOrdersWithinTheWindowAreAClusterTwoAreNot() {
		Hit a = hit("a", 0);
		Hit b = hit("b", 20);
		Hit c = hit("c", 60);
		assertThat(FraudRules.clustered(List.of(a, b), HOUR, 3)).isEmpty();
		assertThat(FraudRules.clustered(List.of(a, b, c), HOUR, 3)).containsExactlyInAnyOrder(a.orderId(),
				b.orderId(), c.orderId());
	}

	@Test
	void ordersSpreadWiderThanTheWindowAreNoClusterButTheDenseOnesAre() {
		Hit a = hit("a", 0);
		Hit b = hit("b", 61);
		Hit c = hit("c", 122);
		assertThat(FraudRules.clustered(List.of(a, b, c), HOUR, 3)).isEmpty();
		Hit d = hit("d", 130);
		Hit e = hit("e", 140);
		// b (61) is more than an hour before d (130): only c, d and e share a window
		assertThat(FraudRules.clustered(List.of(a, b, c, d, e), HOUR, 3)).containsExactlyInAnyOrder(c.orderId(),
				d.orderId(), e.orderId());
	}

	@Test
	void distinctWhosCountNotOrders() {
		UUID buyer = UUID.randomUUID();
		List<Hit> hits = List.of(new Hit(UUID.randomUUID(), buyer, T0), new Hit(UUID.randomUUID(), buyer, T0),
				new Hit(UUID.randomUUID(), UUID.randomUUID(), T0));
		assertThat(FraudRules.clustered(hits, HOUR, 3)).isEmpty();
	}

	@Test
	void theAnswerDoesNotDependOnTheOrderTheHitsCameIn() {
		List<Hit> hits = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			hits.add(hit("h" + i, i * 25));
		}
		var expected = FraudRules.clustered(hits, HOUR, 3);
		for (int round = 0; round < 20; round++) {
			Collections.shuffle(hits, new java.util.Random(round));
			assertThat(FraudRules.clustered(hits, HOUR, 3)).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/**
	 * The one-pass search finds exactly what the definition says (every window of the length,
	 * starting at each order, checked on its own), on seeded random streams with few and many
	 * whos; {@code -Dfraud.rules.seed=} replays a run.
	 */
	@Test
	void theOnePassSearchAgreesWithTheDefinition() {
		long seed = Long.getLong("fraud.rules.seed", System.nanoTime());
		System.out.println("FraudRulesTest seed=" + seed + " (replay with -Dfraud.rules.seed=" + seed + ")");
		java.util.Random random = new java.util.Random(seed);
		for (int round = 0; round < 500; round++) {
			int n = random.nextInt(60);
			int whos = 1 + random.nextInt(8);
			int min = 2 + random.nextInt(4);
			List<Hit> hits = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				hits.add(new Hit(UUID.randomUUID(), "who" + random.nextInt(whos),
						T0.plusSeconds(random.nextInt(4 * 3600))));
			}
			assertThat(FraudRules.clustered(hits, HOUR, min)).as("seed %d round %d", seed, round)
				.containsExactlyInAnyOrderElementsOf(byDefinition(hits, HOUR, min));
		}
	}

	/** Every order of every window [an order's time, + window] holding {@code min} distinct whos. */
	private static java.util.Set<UUID> byDefinition(List<Hit> hits, java.time.Duration window, int min) {
		java.util.Set<UUID> flagged = new java.util.HashSet<>();
		for (Hit start : hits) {
			List<Hit> in = hits.stream()
				.filter(h -> !h.at().isBefore(start.at()) && !h.at().isAfter(start.at().plus(window)))
				.toList();
			if (in.stream().map(Hit::who).distinct().count() >= min) {
				in.forEach(h -> flagged.add(h.orderId()));
			}
		}
		return flagged;
	}

	@Test
	void addressesAreComparedByLettersAndDigitsOnly() {
		assertThat(OrderOrigin.address("1 Garden Road, Hangzhou")).isEqualTo(OrderOrigin.address("  1 GARDEN road hangzhou."))
			.isEqualTo("1gardenroadhangzhou");
		assertThat(OrderOrigin.address("杭州市 西湖区，１号")).isEqualTo(OrderOrigin.address("杭州市西湖区1号"));
		assertThat(OrderOrigin.deviceId("not a cookie!")).isNull();
		assertThat(OrderOrigin.deviceId(OrderOrigin.newDeviceId())).isNotNull();
	}

	private static Hit hit(String who, int minutes) {
		return new Hit(UUID.nameUUIDFromBytes(who.getBytes()), who, T0.plus(Duration.ofMinutes(minutes)));
	}

}
