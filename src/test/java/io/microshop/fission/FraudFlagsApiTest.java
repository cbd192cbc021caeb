package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Operators see the fraud signals; nobody else does. */
class FraudFlagsApiTest extends AppTest {

	@Test
	void anOperatorSeesAPromotersSelfPurchaseFlagged() {
		Market market = scenario.market(1_000, 1_500, 2_000, 10, 0);
		var rates = api.patch("/api/v1/shops/" + market.shop().id(), market.seller().token(),
				Api.map("level1CommissionBps", 1_000));
		assertThat(rates.status()).as(rates.toString()).isEqualTo(200);
		User promoter = scenario.user();
		var joined = api.post("/api/v1/shops/" + market.shop().id() + "/promoters", promoter.token(), Map.of());
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		var share = api.post("/api/v1/shares", promoter.token(), Api.map("listingId", market.listingId()));
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		body.put("shareCode", share.text("code"));
		Api.Response order = api.post("/api/v1/orders", promoter.token(), body);
		scenario.pay(promoter, order);

		var flags = api.get("/api/v1/ops/fraud-flags?size=100", scenario.operatorToken());

		assertThat(flags.status()).isEqualTo(200);
		JsonNode page = flags.json();
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("total").asLong()).isPositive();
		List<JsonNode> mine = new java.util.ArrayList<>();
		page.get("items").forEach(item -> {
			if (order.id().equals(item.get("orderId").asString())) {
				mine.add(item);
			}
		});
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("kind").asString()).isEqualTo("SELF_REFERRAL");
		assertThat(mine.get(0).get("at").asString()).isNotBlank();
		assertThat(mine.get(0).get("detail").asString()).isNotBlank();
	}

	@Test
	void fraudFlagsAreForOperatorsOnly() {
		User someone = scenario.user();
		var forbidden = api.get("/api/v1/ops/fraud-flags", someone.token());
		var anonymous = api.get("/api/v1/ops/fraud-flags", null);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.status()).isEqualTo(401);
	}

}
