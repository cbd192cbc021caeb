package io.microshop.fission;

import static io.microshop.fission.FraudFixtures.kindsOf;
import static io.microshop.fission.FraudFixtures.place;
import static io.microshop.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * The operator's fraud-flag queue (linked from the console, a dismiss form per flag), and the
 * page checkout telling which device placed an order: it gives a browser without a visitor
 * cookie one, so three accounts ordering from one browser are one device.
 */
class FraudFlagPagesTest extends AppTest {

	@Test
	void anOperatorDismissesAFlagFromTheQueueWithAReason() {
		Market market = scenario.market(1_000, 1_500, 2_000, 10, 0);
		var buyer = scenario.user();
		String address = "21 Tea Garden Road " + UUID.randomUUID();
		place(api, scenario, buyer, market, null, address, null);
		place(api, scenario, buyer, market, null, address, null);
		Api.Response third = place(api, scenario, buyer, market, null, address, null);
		eventually(() -> assertThat(kindsOf(jdbc, third.id())).containsExactly("BURST"));
		String flagId = jdbc.sql("SELECT id::text FROM fraud_flags WHERE order_id = ?::uuid")
			.param(third.id())
			.query(String.class)
			.single();
		WebClient operator = WebClient.signedIn(baseUrl(), jdbc, OPERATOR_PHONE);

		assertThat(operator.get("/ops").body()).contains("href=\"/ops/fraud-flags\"");
		var queue = operator.get("/ops/fraud-flags");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains("id=\"flag-" + flagId + "\"").contains(third.id()).doesNotContain("<script>");
		String action = "/ops/fraud-flags/" + flagId + "/dismissal";
		assertThat(queue.body()).contains("action=\"" + action + "\"");

		var blank = operator.post(action, "/ops/fraud-flags", Map.of("reason", "  "));
		assertThat(blank.status()).isEqualTo(302);
		assertThat(operator.get("/ops/fraud-flags").body()).contains("id=\"flag-" + flagId + "\"");

		var done = operator.post(action, "/ops/fraud-flags", Map.of("reason", "A family stocking up for New Year"));
		assertThat(done.status()).isEqualTo(302);
		var after = operator.get("/ops/fraud-flags");
		assertThat(after.body()).doesNotContain("id=\"flag-" + flagId + "\"").contains("Dismissed the BURST flag");
		assertThat(jdbc.sql("SELECT dismiss_reason FROM fraud_flags WHERE id = ?::uuid")
			.param(flagId)
			.query(String.class)
			.single()).isEqualTo("A family stocking up for New Year");

		assertThat(WebClient.signedIn(baseUrl(), jdbc, scenario.user().phone()).get("/ops/fraud-flags").status())
			.isEqualTo(403);
	}

	@Test
	void thePageCheckoutGivesABrowserADeviceIdAndFiveAccountsOnItAreOneDevice() {
		Market market = scenario.market(1_000, 1_500, 2_000, 10, 0);
		String[] orders = new String[5];
		String device = null;
		for (int i = 0; i < orders.length; i++) {
			String phone = Scenario.newPhone();
			WebClient browser = WebClient.signedIn(baseUrl(), jdbc, phone);
			if (device != null) {
				// another account on the same phone: the visitor cookie stays with the browser
				browser.setCookie("ms_vid", device);
			}
			var paid = browser.post("/l/" + market.listingId() + "/pay", "/l/" + market.listingId(),
					Map.of("sku", market.product().skuId(), "quantity", "1", "name", "Buyer " + i, "phone", phone,
							"address", (i + 1) + " Different Street " + UUID.randomUUID(), "expectedTotal", "2000",
							"checkoutKey", UUID.randomUUID().toString()));
			assertThat(paid.status()).as(paid.body()).isEqualTo(302);
			orders[i] = paid.location().substring("/o/".length());
			assertThat(browser.cookie("ms_vid")).isPresent();
			if (device == null) {
				device = browser.cookie("ms_vid").orElseThrow();
			}
			assertThat(browser.cookie("ms_vid")).contains(device);
		}
		for (String order : orders) {
			eventually(() -> assertThat(kindsOf(jdbc, order)).containsExactly("SHARED_DEVICE"));
		}
	}

}
