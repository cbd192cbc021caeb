package io.microshop.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

/** The operators' page of suspended shops: linked from the console, a reinstate form each. */
class SuspendedShopsPageTest extends AppTest {

	@Test
	void anOperatorReinstatesASuspendedShopFromTheQueue() {
		Market market = scenario.market(1_000, 1_500, 3_000, 5, 0);
		String operatorToken = scenario.operatorToken();
		var suspended = api.post("/api/v1/ops/shops/" + market.shop().id() + "/suspension", operatorToken,
				Api.map("reason", "Reported counterfeit goods."));
		assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
		WebClient operator = WebClient.signedIn(baseUrl(), jdbc, OPERATOR_PHONE);

		assertThat(operator.get("/ops").body()).contains("href=\"/ops/shops\"");
		var queue = operator.get("/ops/shops");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains("data-shop-id=\"" + market.shop().id() + "\"")
			.contains("Reported counterfeit goods.");

		String action = "/ops/shops/" + market.shop().id() + "/reinstatement";
		var blank = operator.post(action, "/ops/shops", Map.of("reason", " "));
		assertThat(blank.status()).isEqualTo(302);
		assertThat(operator.get("/ops/shops").body()).contains("Reason is required").contains(market.shop().slug());
		assertThat(shopSuspended(market)).as("a blank reason changes nothing").isTrue();

		var done = operator.post(action, "/ops/shops", Map.of("reason", "Reviewed with the brand."));
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).isEqualTo("/ops/shops");
		assertThat(shopSuspended(market)).isFalse();
		assertThat(operator.get("/ops/shops").body()).contains("takes orders again")
			.doesNotContain("data-shop-id=\"" + market.shop().id() + "\"");
	}

	@Test
	void theQueueIsForOperatorsOnly() {
		WebClient someone = WebClient.signedIn(baseUrl(), jdbc, scenario.user().phone());

		assertThat(someone.get("/ops/shops").status()).isIn(403, 404);
	}

	private boolean shopSuspended(Market market) {
		return api.get("/api/v1/shops/by-slug/" + market.shop().slug(), null).json().get("suspended").asBoolean();
	}

}
