package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.microshop.support.AppTest;
import io.microshop.support.Eventually;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

/**
 * "Opening the link attributes later orders from that browser to the sharer": an order placed
 * through the API by a browser that opened a share link counts for that link without naming
 * its code; a code in the order wins over the cookie, and a malformed cookie is no code.
 */
class ShareCookieAttributionApiTest extends AppTest {

	@Test
	void anOrderFromABrowserThatOpenedTheLinkCountsForItsSharer() {
		Market market = scenario.market(1_000, 1_500, 2_000, 100, 0);
		User sharer = scenario.user();
		String code = ShareFixtures.share(api, sharer, market.listingId(), "wechat");
		String other = ShareFixtures.share(api, scenario.user(), market.listingId(), "weibo");

		var opened = ShareFixtures.open(baseUrl(), "/r/" + code, null);
		String cookie = opened.headers()
			.allValues("set-cookie")
			.stream()
			.filter(c -> c.startsWith("ms_ref="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no ms_ref cookie from /r/" + code));

		User buyer = scenario.user();
		var body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		var placed = api.post("/api/v1/orders", buyer.token(), body, Map.of("Cookie", cookie));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		// a code named in the order wins over the cookie
		var named = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		named.put("shareCode", other);
		// (other buyers: three orders of one buyer within an hour are a burst, which counts for nobody)
		assertThat(api.post("/api/v1/orders", scenario.user().token(), named, Map.of("Cookie", cookie)).status())
			.isEqualTo(201);
		// a cookie that is no code is ignored, not an error
		var plain = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		assertThat(api.post("/api/v1/orders", scenario.user().token(), plain, Map.of("Cookie", "ms_ref=x")).status())
			.isEqualTo(201);

		Eventually.eventually(() -> {
			var stats = api.get("/api/v1/shares/" + code + "/stats", sharer.token());
			assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
			assertThat(stats.json().get("orders").asLong()).as(stats.toString()).isEqualTo(1);
		});
		Eventually.eventually(() -> assertThat(
				api.get("/api/v1/shares/" + other + "/stats", market.seller().token()).json().get("orders").asLong())
			.isEqualTo(1));
	}

}
