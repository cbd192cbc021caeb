package io.microshop.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** From a supplier's product to a settled order, with the money split to the fen. */
class CheckoutFlowApiTest extends AppTest {

	@Test
	void anOrderGoesFromPaymentToSettlementAndTheMoneySplitsExactly() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();

		Api.Response order = scenario.order(buyer, market, 2);
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		assertThat(order.text("status")).isEqualTo("PENDING_PAYMENT");
		assertThat(order.json().get("total").asLong()).isEqualTo(2 * 3_900 + 800);
		assertThat(order.text("currency")).isEqualTo("CNY");
		assertThat(order.json().get("payment").get("provider").asString()).isEqualTo("sandbox");

		scenario.pay(buyer, order);
		var shipped = scenario.ship(market, order.id(), "SF1001");
		assertThat(shipped.text("status")).isEqualTo("SHIPPED");

		var received = scenario.receive(buyer, order.id());
		assertThat(received.text("status")).isEqualTo("RECEIVED");

		JsonNode pendingShop = api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token()).json();
		long fee = 7_800 * 200 / 10_000;
		assertThat(pendingShop.get("pending").asLong()).isEqualTo(7_800 - 4_000 - fee);

		clock.advance(java.time.Duration.ofDays(8));
		scenario.awaitStatus(buyer, order.id(), "SETTLED");

		JsonNode shop = api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token()).json();
		JsonNode supplier = api
			.get("/api/v1/suppliers/" + market.product().supplierId() + "/balance", market.supplier().token())
			.json();
		assertThat(shop.get("pending").asLong()).isZero();
		assertThat(shop.get("available").asLong()).isEqualTo(7_800 - 4_000 - fee);
		assertThat(supplier.get("available").asLong()).isEqualTo(4_000 + 800);
		var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
		assertThat(trial.get("sum").asLong()).isZero();
	}

}
