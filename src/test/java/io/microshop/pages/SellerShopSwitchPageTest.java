package io.microshop.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Shop;
import io.microshop.support.Scenario.User;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

/** A seller with two shops switches between them on the dashboard and the fission page; with one shop there is no switch. */
class SellerShopSwitchPageTest extends AppTest {

	@Test
	void aSellerWithTwoShopsCanSwitchOnEveryConsolePageThatOffersIt() {
		User seller = scenario.user();
		Shop first = scenario.shop(seller);
		WebClient browser = WebClient.signedIn(baseUrl(), jdbc, seller.phone());
		assertThat(browser.get("/seller").body()).doesNotContain("id=\"shop-pick\"");

		Shop second = scenario.shop(seller);
		var dashboard = browser.get("/seller?shop=" + second.id() + "&period=7d");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("id=\"shop-pick\"", "action=\"/seller\"", "name=\"period\"",
				"value=\"" + first.id() + "\"", "value=\"" + second.id() + "\" selected");

		var fission = browser.get("/seller/fission?shop=" + second.id());
		assertThat(fission.status()).isEqualTo(200);
		assertThat(fission.body()).contains("id=\"shop-pick\"", "action=\"/seller/fission\"",
				"value=\"" + second.id() + "\" selected")
			.doesNotContain("name=\"period\"");
	}

}
