package io.microshop.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * Without JavaScript: a seller posts from the console's composer (and sees what is left of the
 * day's allowance), a fan follows from the shop page, reads the update in {@code /my/feed},
 * mutes and unfollows there.
 */
class ShopFeedPagesTest extends AppTest {

	@Test
	void aSellerPostsAndAFanFollowsReadsMutesAndUnfollows() {
		Scenario.Shop shop = scenario.shop(scenario.user());
		WebClient seller = WebClient.signedIn(baseUrl(), jdbc, shop.owner().phone());
		String console = "/seller?shop=" + shop.id();
		assertThat(quotaText(seller.get(console).body())).isEqualTo("3 of 3 left today");

		WebClient.Page posted = seller.post("/seller/updates", console,
				Map.of("shop", shop.id(), "text", "Fresh oolong just arrived"));
		assertThat(posted.status()).isEqualTo(302);
		String after = seller.get(console).body();
		assertThat(after).contains("class=\"notice\"").contains("2 of 3 left today").contains("Fresh oolong just arrived");
		assertThat(quotaText(after)).isEqualTo("2 of 3 left today");
		seller.post("/seller/updates", console, Map.of("shop", shop.id(), "text", "   "));
		assertThat(seller.get(console).body()).contains("class=\"error\"");

		String shopPage = "/s/" + shop.slug();
		assertThat(new WebClient(baseUrl()).get(shopPage).body()).contains("Sign in to follow");
		Scenario.User fanUser = scenario.user();
		WebClient fan = WebClient.signedIn(baseUrl(), jdbc, fanUser.phone());
		assertThat(fan.get(shopPage).body()).contains("id=\"follow-button\"");
		assertThat(fan.get("/my/feed").body()).contains("id=\"feed-empty\"");

		WebClient.Page followed = fan.post("/my/follows/" + shop.id(), shopPage, Map.of("action", "follow"));
		assertThat(followed.status()).isEqualTo(302);
		assertThat(followed.location()).isEqualTo(shopPage);
		assertThat(fan.get(shopPage).body()).contains("id=\"unfollow-button\"").contains("class=\"notice\"");
		assertThat(fan.get("/my/feed").body()).contains("Fresh oolong just arrived").doesNotContain("id=\"feed-empty\"");

		fan.post("/my/follows/" + shop.id(), "/my/feed", Map.of("action", "mute", "back", "feed"));
		String muted = fan.get("/my/feed").body();
		assertThat(muted).doesNotContain("Fresh oolong just arrived").contains("Muted").contains(">Unmute<");

		WebClient.Page unfollowed = fan.post("/my/follows/" + shop.id(), "/my/feed",
				Map.of("action", "unfollow", "back", "feed"));
		assertThat(unfollowed.location()).isEqualTo("/my/feed");
		assertThat(fan.get(shopPage).body()).contains("id=\"follow-button\"");
		assertThat(fan.post("/my/follows/" + shop.id(), shopPage, Map.of("action", "shout")).status()).isEqualTo(400);
		assertThat(fan.post("/my/follows/not-a-shop", shopPage, Map.of("action", "follow")).status()).isEqualTo(404);
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() {
		WebClient.Page page = new WebClient(baseUrl()).get("/my/feed");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).contains("/sign-in");
	}

	private static String quotaText(String html) {
		int at = html.indexOf("id=\"update-quota\"");
		assertThat(at).as("the composer's allowance").isPositive();
		String span = html.substring(at, html.indexOf("(the day", at));
		return span.replaceAll("<[^>]+>", "").replaceAll("id=\"update-quota\"", "").replaceAll("\\s+", " ").replace(">", "").strip();
	}

}
