package io.microshop.fission;

import static io.microshop.fission.ShareFixtures.open;
import static io.microshop.fission.ShareFixtures.orderThrough;
import static io.microshop.fission.ShareFixtures.share;
import static io.microshop.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * One listing shared on three channels: each link's visits, unique visitors, orders, paid
 * orders and sales, and the shop's figures by channel, counted exactly.
 */
class ChannelStatsApiTest extends AppTest {

	private static final long TOTAL = 3_900 + 800;

	@Test
	void oneListingSharedOnThreeChannelsIsCountedPerLinkAndPerChannel() {
		Market market = scenario.market(2_000, 3_000, 3_900, 50, 800);
		User fan = scenario.user();
		String wechat = share(api, fan, market.listingId(), "wechat");
		String weibo = share(api, fan, market.listingId(), "weibo");
		String link = share(api, fan, market.listingId(), "link");

		// visits: wechat 2 (A, B), weibo 1 (A again: one person, two channels), link 3 (C twice, D)
		String a = "visitorAAAAAAAAAAAAAAA";
		String b = "visitorBBBBBBBBBBBBBBB";
		String c = "visitorCCCCCCCCCCCCCCC";
		String d = "visitorDDDDDDDDDDDDDDD";
		for (String[] visit : new String[][] { { wechat, a }, { wechat, b }, { weibo, a }, { link, c }, { link, c },
				{ link, d } }) {
			assertThat(open(baseUrl(), "/r/" + visit[0], visit[1]).statusCode()).isEqualTo(302);
		}

		// orders: wechat 2 (one paid), weibo 1 (paid), link 3 (one paid then cancelled, one paid, and
		// the fan's own purchase, paid)
		User b1 = scenario.user();
		scenario.pay(b1, orderThrough(api, scenario, b1, market, wechat));
		orderThrough(api, scenario, scenario.user(), market, wechat);
		User b3 = scenario.user();
		scenario.pay(b3, orderThrough(api, scenario, b3, market, weibo));
		User b4 = scenario.user();
		Api.Response cancelled = orderThrough(api, scenario, b4, market, link);
		scenario.pay(b4, cancelled);
		assertThat(api.post("/api/v1/orders/" + cancelled.id() + "/cancel", b4.token(), null).status()).isEqualTo(200);
		User b5 = scenario.user();
		scenario.pay(b5, orderThrough(api, scenario, b5, market, link));
		scenario.pay(fan, orderThrough(api, scenario, fan, market, link));

		// not attributed: a code of another shop, a code that does not exist, no code
		Market other = scenario.market(2_000, 3_000, 3_900, 10, 800);
		String foreign = share(api, fan, other.listingId(), "wechat");
		User stray = scenario.user();
		scenario.pay(stray, orderThrough(api, scenario, stray, market, foreign));
		orderThrough(api, scenario, stray, market, "Zz9Zz9Zz9Z");
		scenario.order(stray, market, 1);

		eventually(() -> {
			assertLink(fan, wechat, "wechat", 2, 2, 2, 1, TOTAL);
			assertLink(fan, weibo, "weibo", 1, 1, 1, 1, TOTAL);
			assertLink(fan, link, "link", 3, 2, 3, 2, 2 * TOTAL);
		});
		assertLink(market.seller(), link, "link", 3, 2, 3, 2, 2 * TOTAL);

		JsonNode shop = api.get("/api/v1/shops/" + market.shop().id() + "/fission", market.seller().token()).json();
		assertThat(counts(shop)).containsExactly(6L, 4L, 6L, 4L, 4 * TOTAL);
		JsonNode byChannel = shop.get("byChannel");
		assertThat(counts(byChannel.get("wechat"))).containsExactly(2L, 2L, 2L, 1L, TOTAL);
		assertThat(counts(byChannel.get("weibo"))).containsExactly(1L, 1L, 1L, 1L, TOTAL);
		assertThat(counts(byChannel.get("link"))).containsExactly(3L, 2L, 3L, 2L, 2 * TOTAL);
		for (String idle : List.of("facebook", "pinterest", "momo")) {
			assertThat(counts(byChannel.get(idle))).as(idle).containsExactly(0L, 0L, 0L, 0L, 0L);
		}
		// three buyers brought by someone else's link (b1, b3, b5; b4 cancelled, the fan bought for
		// themself), one sharer
		assertThat(shop.get("viralCoefficient").asDouble()).isEqualTo(3.0);
		assertThat(shop.get("currency").asString()).isEqualTo("CNY");

		JsonNode otherShop = api.get("/api/v1/shops/" + other.shop().id() + "/fission", other.seller().token()).json();
		assertThat(counts(otherShop)).containsExactly(0L, 0L, 0L, 0L, 0L);
	}

	private void assertLink(User viewer, String code, String channel, long visits, long unique, long orders, long paid,
			long sales) {
		var stats = api.get("/api/v1/shares/" + code + "/stats", viewer.token());
		assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
		assertThat(stats.text("channel")).isEqualTo(channel);
		assertThat(counts(stats.json())).as(channel + " " + stats).containsExactly(visits, unique, orders, paid, sales);
	}

	private static List<Long> counts(JsonNode node) {
		return List.of("visits", "uniqueVisitors", "orders", "paidOrders", "sales")
			.stream()
			.map(field -> node.get(field).asLong())
			.toList();
	}

}
