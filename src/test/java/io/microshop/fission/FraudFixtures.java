package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.Scenario;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders placed from a given address and device, and the flags they got: for the fraud tests. */
final class FraudFixtures {

	private FraudFixtures() {
	}

	/** Places an order through the API; {@code shareCode} and {@code device} (the ms_vid cookie) may be null. */
	static Api.Response place(Api api, Scenario scenario, User buyer, Market market, String shareCode, String address,
			String device) {
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		body.put("shipTo", Api.map("name", "Wang Fang", "phone", "13912345678", "address", address));
		if (shareCode != null) {
			body.put("shareCode", shareCode);
		}
		Map<String, String> headers = device == null ? Map.of() : Map.of("Cookie", "ms_vid=" + device);
		var order = api.post("/api/v1/orders", buyer.token(), body, headers);
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		return order;
	}

	/** A device id as the share-link redirect would set it. */
	static String device() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 22);
	}

	static List<String> kindsOf(JdbcClient jdbc, String orderId) {
		return jdbc.sql("SELECT kind FROM fraud_flags WHERE order_id = ? ORDER BY kind")
			.param(UUID.fromString(orderId))
			.query(String.class)
			.list();
	}

	/**
	 * Waits until the fraud listener judged the order: its row in {@code table} ({@code order_signals}
	 * after placing, {@code order_refunds} after a refund) is written after the order's commit.
	 */
	static void awaitJudged(JdbcClient jdbc, String table, UUID orderId) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (jdbc.sql("SELECT count(*) FROM " + table + " WHERE order_id = ?").param(orderId).query(Long.class)
			.single() == 0) {
			assertThat(System.currentTimeMillis()).as("fraud signals of " + orderId + " judged").isLessThan(deadline);
			Scenario.sleep(10);
		}
	}

	static String joinShop(Api api, User fan, Market market) {
		var joined = api.post("/api/v1/shops/" + market.shop().id() + "/promoters", fan.token(), Map.of());
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		return joined.text("code");
	}

	static void rates(Api api, Market market, int level1) {
		var patched = api.patch("/api/v1/shops/" + market.shop().id(), market.seller().token(),
				Api.map("level1CommissionBps", level1));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

}
