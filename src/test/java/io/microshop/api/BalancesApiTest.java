package io.microshop.api;

import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertUnauthorized;
import static io.microshop.api.ApiAssertions.unknownId;
import static org.assertj.core.api.Assertions.assertThat;

import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Shop and supplier balances and the operator's trial balance. */
class BalancesApiTest extends AppTest {

	@Test
	void aNewShopAndSupplierHaveZeroBalances() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);

		var shop = api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token());
		var supplier = api.get("/api/v1/suppliers/" + market.product().supplierId() + "/balance",
				market.supplier().token());

		for (var balance : java.util.List.of(shop, supplier)) {
			assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
			JsonNode json = balance.json();
			assertThat(json.get("pending").isIntegralNumber()).isTrue();
			assertThat(json.get("pending").asLong()).isZero();
			assertThat(json.get("available").isIntegralNumber()).isTrue();
			assertThat(json.get("available").asLong()).isZero();
			assertThat(json.get("currency").asString()).isEqualTo("CNY");
		}
	}

	@Test
	void aPaidOrderIsPendingForTheShopAndTheSupplierToTheFen() {
		Market market = scenario.market(2_011, 3_000, 3_999, 10, 777);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 3);
		scenario.pay(buyer, order);

		JsonNode shop = api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token()).json();
		JsonNode supplier = api.get("/api/v1/suppliers/" + market.product().supplierId() + "/balance",
				market.supplier().token()).json();

		long goods = 3 * 3_999;
		long fee = goods * 200 / 10_000;
		assertThat(supplier.get("pending").asLong()).isEqualTo(3 * 2_011 + 777);
		assertThat(shop.get("pending").asLong()).isEqualTo(goods - 3 * 2_011 - fee);
		assertThat(shop.get("available").asLong()).isZero();
		assertThat(supplier.get("available").asLong()).isZero();
		assertThat(shop.get("pending").asLong() + supplier.get("pending").asLong() + fee)
			.isEqualTo(order.json().get("total").asLong());
	}

	@Test
	void balancesAreOnlyForTheirOwner() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		Market other = scenario.market(2_000, 3_000, 3_900, 10, 800);
		String shopBalance = "/api/v1/shops/" + market.shop().id() + "/balance";
		String supplierBalance = "/api/v1/suppliers/" + market.product().supplierId() + "/balance";

		assertProblem(api.get(shopBalance, other.seller().token()), 403, "forbidden");
		assertProblem(api.get(shopBalance, market.supplier().token()), 403, "forbidden");
		assertProblem(api.get(supplierBalance, other.supplier().token()), 403, "forbidden");
		assertProblem(api.get(supplierBalance, market.seller().token()), 403, "forbidden");
		assertProblem(api.get("/api/v1/shops/" + unknownId() + "/balance", market.seller().token()), 404, "not-found");
		assertProblem(api.get("/api/v1/suppliers/" + unknownId() + "/balance", market.supplier().token()), 404,
				"not-found");
		assertUnauthorized(api.get(shopBalance, null));
		assertUnauthorized(api.get(supplierBalance, null));
	}

	@Test
	void theOperatorSeesABalancedTrialBalance() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);
		scenario.pay(buyer, order);

		var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken());

		assertThat(trial.status()).as(trial.toString()).isEqualTo(200);
		JsonNode json = trial.json();
		assertThat(json.get("balanced").asBoolean()).isTrue();
		assertThat(json.get("sum").asLong()).isZero();
		JsonNode accounts = json.get("accounts");
		assertThat(accounts.isArray()).isTrue();
		assertThat(accounts).allSatisfy(account -> {
			assertThat(account.get("account").asString()).isNotBlank();
			assertThat(account.get("balance").isIntegralNumber()).isTrue();
		});
		long sum = 0;
		for (JsonNode account : accounts) {
			sum += account.get("balance").asLong();
		}
		assertThat(sum).isZero();
		assertThat(accounts).anySatisfy(account -> assertThat(account.get("account").asString())
			.contains(market.shop().id()));
	}

	@Test
	void theTrialBalanceIsForOperatorsOnly() {
		User user = scenario.user();
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);

		assertProblem(api.get("/api/v1/ops/ledger/trial-balance", user.token()), 403, "forbidden");
		assertProblem(api.get("/api/v1/ops/ledger/trial-balance", market.seller().token()), 403, "forbidden");
		assertUnauthorized(api.get("/api/v1/ops/ledger/trial-balance", null));
		assertUnauthorized(api.get("/api/v1/ops/ledger/trial-balance", "ms_forged"));
	}

}
