package io.microshop.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

/** The group page's Share button opens a sheet whose links lead back to the group. */
class GroupShareSheetPageTest extends AppTest {

	@Test
	void theShareSheetOfAGroupMakesLinksToTheGroupPage() {
		Scenario.Market market = scenario.market(1_000, 1_500, 2_000, 10, 0);
		var deal = api.post("/api/v1/shops/" + market.shop().id() + "/group-deals", market.seller().token(),
				Api.map("listingId", market.listingId(), "skuId", market.product().skuId(), "groupPrice", 1_600,
						"groupSize", 3, "window", "PT24H"));
		assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
		Scenario.User leader = scenario.user();
		var body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		body.put("groupDealId", deal.id());
		String groupId = api.post("/api/v1/orders", leader.token(), body).text("groupId");

		assertThat(api.send("GET", "/g/" + groupId, null, null, java.util.Map.of("Accept", "text/html")).body())
			.contains("/my/share?groupId", groupId);
		WebClient browser = WebClient.signedIn(baseUrl(), jdbc, leader.phone());
		WebClient.Page sheet = browser.get("/my/share?groupId=" + groupId);

		assertThat(sheet.status()).isEqualTo(200);
		Matcher codes = Pattern.compile("/r/([0-9A-Za-z]{10})").matcher(sheet.body());
		assertThat(codes.find()).isTrue();
		var opened = api.get("/r/" + codes.group(1), null);
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.headers().get("location").get(0)).endsWith("/g/" + groupId);
		List<String> channels = jdbc.sql("SELECT channel FROM share_links WHERE group_id = ? ORDER BY channel")
			.param(UUID.fromString(groupId))
			.query(String.class)
			.list();
		assertThat(channels).containsExactly("facebook", "link", "momo", "pinterest", "wechat", "weibo");
		assertThat(browser.get("/my/share?groupId=" + UUID.randomUUID()).status()).isEqualTo(404);
	}

}
