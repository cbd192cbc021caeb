package io.microshop.pages;

import java.util.Map;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promoter's page without JavaScript: joining a shop by its address name, with and
 * without a recruiter's code, and every refusal (unknown shop, a code of nobody, joining
 * twice) shown as a sentence on the page, never an error page.
 */
class EarningsPageTest extends AppTest {

	@Test
	void aFanJoinsShopsAsPromoterAndRefusalsAreFormMessages() {
		Scenario.Shop shop = scenario.shop(scenario.user());
		Scenario.User recruiter = scenario.user();
		var joined = api.post("/api/v1/shops/" + shop.id() + "/promoters", recruiter.token(), Api.map());
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		String recruiterCode = joined.text("code");

		Scenario.User fan = scenario.user();
		WebClient browser = WebClient.signedIn(baseUrl(), jdbc, fan.phone());
		WebClient.Page empty = browser.get("/my/earnings");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("You promote no shop yet").contains("No commission yet")
			.contains("href=\"/my/earnings\"");

		WebClient.Page unknown = browser.post("/my/earnings/join", "/my/earnings",
				Map.of("shop", "no-such-shop-" + System.nanoTime(), "recruiterCode", ""));
		assertThat(unknown.status()).isEqualTo(302);
		assertThat(unknown.location()).isEqualTo("/my/earnings");
		assertThat(browser.get("/my/earnings").body()).contains("class=\"error\"").contains("No shop has the address name");

		WebClient.Page badCode = browser.post("/my/earnings/join", "/my/earnings",
				Map.of("shop", shop.slug(), "recruiterCode", "zzzzzzzz"));
		assertThat(badCode.status()).isEqualTo(302);
		String refused = browser.get("/my/earnings").body();
		assertThat(refused).contains("class=\"error\"").contains("is not the code of a promoter of this shop")
			.contains("value=\"zzzzzzzz\"").contains("You promote no shop yet");

		WebClient.Page ok = browser.post("/my/earnings/join", "/my/earnings",
				Map.of("shop", shop.slug(), "recruiterCode", recruiterCode));
		assertThat(ok.status()).isEqualTo(302);
		String page = browser.get("/my/earnings").body();
		assertThat(page).contains("class=\"notice\"").contains("You are now a promoter of Shop " + shop.slug());
		String myCode = jdbc.sql("SELECT code FROM promoters WHERE shop_id = ?::uuid AND account_id = ?::uuid")
			.params(shop.id(), fan.id())
			.query(String.class)
			.single();
		assertThat(page).contains("data-code=\"" + myCode + "\"").contains("Tester (" + recruiterCode + ")");

		browser.post("/my/earnings/join", "/my/earnings", Map.of("shop", shop.slug(), "recruiterCode", ""));
		assertThat(browser.get("/my/earnings").body()).contains("class=\"error\"")
			.contains("You are a promoter of this shop already.");
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() {
		WebClient.Page page = new WebClient(baseUrl()).get("/my/earnings");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).contains("/sign-in");
	}

}
