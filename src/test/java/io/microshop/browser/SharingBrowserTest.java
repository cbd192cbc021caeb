package io.microshop.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Sharing in a browser: a fan opens the share sheet of a listing (poster, QR code and a link
 * per network), a friend opens the WeChat link on another phone and buys, and the seller sees
 * the paid order under WeChat in the fission tab of the console.
 */
class SharingBrowserTest extends AppTest {

	@Test
	void aFriendBuysThroughAFansWechatLinkAndTheSellerSeesItByChannel() {
		Browsers.assumeChromium();
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 500);
		Scenario.User fan = scenario.user();
		String friendPhone = Scenario.newPhone();

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			Page sharer = Browsers.phone(browser).newPage();
			Browsers.signIn(sharer, baseUrl(), fan.phone(), "/l/" + market.listingId(), "share-01-fan");
			sharer.locator("#share").click();
			sharer.waitForURL("**/my/share?listingId=" + market.listingId());
			assertThat(sharer.locator("#share-wechat img.poster")).isVisible();
			assertThat(sharer.locator("#share-weibo a.button")).hasAttribute("href",
					java.util.regex.Pattern.compile("^https://service\\.weibo\\.com/share/share\\.php\\?url=.+"));
			Object posterWidth = sharer.locator("#share-wechat img.poster").evaluate("img => img.naturalWidth");
			assertThat(((Number) posterWidth).intValue()).isEqualTo(750);
			String wechatLink = sharer.locator("#url-wechat").inputValue();
			assertThat(wechatLink).matches(java.util.regex.Pattern.quote(baseUrl()) + "/r/[0-9A-Za-z]{8,10}");
			Browsers.screenshot(sharer, "share-02-share-sheet");

			BrowserContext friendPhoneContext = Browsers.phone(browser);
			Page friend = friendPhoneContext.newPage();
			friend.navigate(wechatLink);
			friend.waitForURL("**/l/" + market.listingId());
			friend.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Han Meimei");
			friend.getByLabel("Mobile number").fill(friendPhone);
			friend.getByLabel("Address").fill("8 West Lake Road, Hangzhou");
			friend.locator("#get-code").click();
			String code = Browsers.codeFromInbox(friendPhoneContext, baseUrl(), friendPhone, null);
			friend.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
			friend.locator("#pay").click();
			friend.waitForURL("**/o/*");
			assertThat(friend.locator("#order-status")).hasText("Paid",
					new LocatorAssertions.HasTextOptions().setTimeout(15_000));

			Page seller = Browsers.phone(browser).newPage();
			Browsers.signIn(seller, baseUrl(), market.seller().phone(), "/seller", "share-03-seller");
			seller.locator("nav.tabs").getByText("Fission").click();
			seller.waitForURL("**/seller/fission**");
			long deadline = System.currentTimeMillis() + 10_000;
			while (!"1".equals(seller.locator("#channel-wechat td").nth(3).textContent().strip())
					&& System.currentTimeMillis() < deadline) {
				seller.waitForTimeout(300);
				seller.reload();
			}
			assertThat(seller.locator("#channel-wechat td").nth(0)).hasText("1");
			assertThat(seller.locator("#channel-wechat td").nth(3)).hasText("1");
			assertThat(seller.locator("#channel-wechat td").nth(4)).hasText("¥30.00");
			assertThat(seller.locator("#fission-sales")).hasText("¥30.00");
			assertThat(seller.locator(".chart svg rect.paid")).hasCount(6);
			assertThat(seller.locator("#fission-funnel polyline")).hasCount(3);
			Browsers.screenshot(seller, "share-04-seller-fission");
		}
	}

}
