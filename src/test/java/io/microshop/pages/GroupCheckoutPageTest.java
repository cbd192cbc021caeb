package io.microshop.pages;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group buys through the pages, without JavaScript: the group page's join button leads to
 * the listing with {@code ?group=}, the listing page carries the group along and says the
 * group price applies, and paying there places an order in that group at the group price;
 * {@code ?deal=} starts a new group the same way.
 */
class GroupCheckoutPageTest extends AppTest {

	static final long PRICE = 2_500;

	static final long GROUP_PRICE = 1_800;

	static final long SHIPPING = 500;

	@Test
	void aSignedInBuyerJoinsAGroupThroughThePages() {
		Scenario.Market market = scenario.market(1_000, 1_500, PRICE, 10, SHIPPING);
		var deal = api.post("/api/v1/shops/" + market.shop().id() + "/group-deals", market.seller().token(),
				Api.map("listingId", market.listingId(), "skuId", market.product().skuId(), "groupPrice", GROUP_PRICE,
						"groupSize", 3, "window", "PT24H"));
		assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
		Scenario.User leader = scenario.user();
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		body.put("groupDealId", deal.id());
		var started = api.post("/api/v1/orders", leader.token(), body);
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		scenario.pay(leader, started);
		String groupId = started.text("groupId");
		assertThat(groupId).isNotBlank();

		Scenario.User buyer = scenario.user();
		WebClient browser = WebClient.signedIn(baseUrl(), jdbc, buyer.phone());
		String joinHref = "/l/" + market.listingId() + "?group=" + groupId;
		assertThat(browser.get("/g/" + groupId).body()).contains("href=\"" + joinHref + "\"");
		WebClient.Page listing = browser.get(joinHref);
		assertThat(listing.status()).isEqualTo(200);
		assertThat(listing.body()).contains("id=\"group-buy\"").contains("You are joining a group buy.")
			.contains("name=\"group\" value=\"" + groupId + "\"");

		WebClient.Page paid = pay(browser, market, joinHref, List.of("group", groupId));
		assertThat(paid.status()).as(paid.body()).isEqualTo(302);
		assertThat(paid.location()).startsWith("/o/");
		UUID orderId = UUID.fromString(paid.location().substring("/o/".length()));
		Map<String, Object> order = jdbc.sql("SELECT group_id, total, buyer_account_id FROM orders WHERE id = ?")
			.param(orderId)
			.query()
			.singleRow();
		assertThat(order.get("group_id")).isEqualTo(UUID.fromString(groupId));
		assertThat(order.get("buyer_account_id")).isEqualTo(UUID.fromString(buyer.id()));
		assertThat(((Number) order.get("total")).longValue()).isEqualTo(GROUP_PRICE + SHIPPING);
		scenario.awaitStatus(buyer, orderId.toString(), "PAID");
		assertThat(browser.get("/o/" + orderId).body()).contains("¥23.00");

		// ?deal= starts a new group led by the buyer
		Scenario.User starter = scenario.user();
		WebClient other = WebClient.signedIn(baseUrl(), jdbc, starter.phone());
		String startHref = "/l/" + market.listingId() + "?deal=" + deal.id();
		assertThat(other.get(startHref).body()).contains("You are starting a group buy.");
		WebClient.Page startedOnPage = pay(other, market, startHref, List.of("deal", deal.id()));
		assertThat(startedOnPage.status()).as(startedOnPage.body()).isEqualTo(302);
		UUID newOrder = UUID.fromString(startedOnPage.location().substring("/o/".length()));
		UUID newGroup = jdbc.sql("SELECT group_id FROM orders WHERE id = ?").param(newOrder).query(UUID.class).single();
		assertThat(newGroup).isNotNull().isNotEqualTo(UUID.fromString(groupId));
		assertThat(jdbc.sql("SELECT leader_account_id FROM groups WHERE id = ?").param(newGroup).query(UUID.class).single())
			.isEqualTo(UUID.fromString(starter.id()));

		// a mangled group id is a sentence in the form, not an error page
		WebClient.Page broken = pay(other, market, "/l/" + market.listingId(), List.of("group", "not-a-group"));
		assertThat(broken.status()).isEqualTo(200);
		assertThat(broken.body()).contains("This group-buy link is broken");
	}

	private static WebClient.Page pay(WebClient browser, Scenario.Market market, String formPage, List<String> group) {
		return browser.postAll("/l/" + market.listingId() + "/pay", formPage,
				List.of(List.of("sku", market.product().skuId()), List.of("quantity", "1"), List.of("name", "Li Lei"),
						List.of("phone", "13912345678"), List.of("address", "1 Garden Road, Hangzhou"),
						List.of("expectedTotal", String.valueOf(PRICE + SHIPPING)),
						List.of("checkoutKey", UUID.randomUUID().toString()), group));
	}

}
