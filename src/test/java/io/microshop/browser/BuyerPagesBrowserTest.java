package io.microshop.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer's pages, walked in both languages on a 360-px phone and a desktop: the shop, the
 * listing with its one-page checkout, the order with its timeline, my orders with confirm
 * receipt, the complaint form, my feed and my earnings. Each page speaks the browser's
 * language (Chinese text on Chinese pages, dates written the Chinese or the English way),
 * is photographed and passes the accessibility check.
 */
class BuyerPagesBrowserTest extends AppTest {

	/** 2026年11月25日 10:00 */
	private static final Pattern CHINESE_TIME = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");

	/** Nov 25, 2026, 10:00 */
	private static final Pattern ENGLISH_TIME = Pattern.compile("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{2}:\\d{2}");

	static final Path LISTING_PHONE_SCREENSHOT = Path.of("docs", "screenshots", "listing-phone.png");

	@ParameterizedTest(name = "{0} on a {1}")
	@CsvSource({ "zh-CN, phone", "en-US, phone", "zh-CN, desktop", "en-US, desktop" })
	void aBuyerWalksEveryPageInTheBrowsersLanguage(String locale, String device) {
		Browsers.assumeChromium();
		Words words = locale.startsWith("zh") ? Words.CHINESE : Words.ENGLISH;
		String shot = "buyer-pages-" + (locale.startsWith("zh") ? "zh" : "en") + "-" + device + "-";
		// supply ¥10, floor ¥20, price ¥25, shipping ¥5
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 500);
		String buyerPhone = Scenario.newPhone();

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			BrowserContext context = "phone".equals(device) ? Browsers.phone(browser, locale)
					: Browsers.desktop(browser, locale);
			Page page = context.newPage();

			page.navigate(baseUrl() + "/sign-in");
			assertThat(page.locator("#send-code")).hasText(words.sendCode);
			visited(page, shot + "00-sign-in");

			// the shop, as a shared link opens it
			page.navigate(baseUrl() + "/s/" + market.shop().slug());
			assertThat(page.locator("html")).hasAttribute("lang", words.lang);
			assertThat(page.locator("#complaint-rate")).containsText(words.complaintRate);
			assertThat(page.locator("a.listing")).containsText("¥25.00");
			visited(page, shot + "01-shop");

			// the listing is the checkout: one page from the option to the paid order
			page.locator("a.listing").click();
			page.waitForURL("**/l/" + market.listingId());
			assertThat(page.locator("h1")).hasText("Oolong tea");
			assertThat(page.locator("legend").first()).hasText(words.choose);
			assertThat(page.locator("#pay")).containsText(words.pay);
			assertThat(page.locator("#pay-total")).hasText("¥30.00");
			visited(page, shot + "02-listing");
			if (words == Words.CHINESE && "phone".equals(device)) {
				saveForTheReadme(shot + "02-listing");
			}
			page.locator("#name").fill("Han Meimei");
			page.locator("#phone").fill(buyerPhone);
			page.locator("#address").fill("8 West Lake Road, Hangzhou");
			page.locator("#get-code").click();
			assertThat(page.locator("form#checkout")).containsText(words.codeSent);
			page.locator("#code").fill(Browsers.codeFromInbox(context, baseUrl(), buyerPhone, null));
			visited(page, shot + "03-listing-code");
			page.locator("#pay").click();
			page.waitForURL("**/o/*");

			// the order page with its timeline, in the page's language and date format
			assertThat(page.locator("#order-status")).hasText(words.paid,
					new LocatorAssertions.HasTextOptions().setTimeout(15_000));
			String orderId = page.url().substring(page.url().lastIndexOf('/') + 1);
			assertThat(page.locator("#order-timeline li")).hasCount(2);
			assertThat(page.locator("#order-timeline li").first()).containsText(words.placed);
			assertThat(page.locator("#order-timeline time").first()).hasText(words.time);
			assertThat(page.locator("#order-total")).hasText("¥30.00");
			visited(page, shot + "04-order-paid");

			// the supplier ships; the buyer confirms receipt from the list of orders
			scenario.ship(market, orderId, "SF4001");
			page.navigate(baseUrl() + "/my/orders");
			var mine = page.locator("li.order[data-order-id='" + orderId + "']");
			assertThat(mine).containsText(words.shipped);
			assertThat(mine.locator("ol.timeline li")).hasCount(3);
			assertThat(mine.locator("ol.timeline time").last()).hasText(words.time);
			assertThat(mine.locator("button.confirm-receipt")).hasText(words.confirmReceipt);
			visited(page, shot + "05-my-orders-shipped");
			mine.locator("button.confirm-receipt").click();
			page.waitForURL("**/my/orders");
			assertThat(page.locator("p.notice")).hasText(words.receiptConfirmed);
			assertThat(mine.locator(".status")).hasText(words.received);
			assertThat(mine.locator("ol.timeline li")).hasCount(4);
			visited(page, shot + "06-my-orders-received");

			// the order now offers a complaint within the protection window
			page.navigate(baseUrl() + "/o/" + orderId);
			assertThat(page.locator("#order-status")).hasText(words.received);
			assertThat(page.locator("#shipment")).containsText("SF4001");
			visited(page, shot + "07-order-received");
			page.locator("#complain").click();
			page.waitForURL("**/complaints/new?order=" + orderId);
			assertThat(page.locator("label[for=reason]")).hasText(words.whatWentWrong);
			visited(page, shot + "08-complaint-form");
			page.locator("#reason").selectOption("DAMAGED");
			page.locator("#text").fill("The tin is dented.");
			page.locator("#send-complaint").click();
			page.waitForURL("**/complaints/*");
			assertThat(page.locator("p.notice")).hasText(words.complaintSent);
			assertThat(page.locator("#complaint-status")).hasText(words.open);
			visited(page, shot + "09-complaint");

			// following the shop fills my feed with its updates
			page.navigate(baseUrl() + "/s/" + market.shop().slug());
			page.locator("#follow-button").click();
			assertThat(page.locator("p.notice")).containsText(words.followed);
			var update = api.post("/api/v1/shops/" + market.shop().id() + "/updates", market.seller().token(),
					Api.map("text", "Fresh oolong just arrived."));
			assertThat(update.status()).as(update.toString()).isEqualTo(201);
			page.navigate(baseUrl() + "/my/feed");
			assertThat(page.locator("#feed")).containsText("Fresh oolong just arrived.");
			assertThat(page.locator("#feed time").first()).hasText(words.time);
			assertThat(page.locator("#following")).containsText(market.shop().slug());
			visited(page, shot + "10-feed");

			// earnings: join the shop as its promoter
			page.navigate(baseUrl() + "/my/earnings");
			assertThat(page.locator("h1")).hasText(words.myEarnings);
			visited(page, shot + "11-earnings");
			page.locator("#join-shop-slug").fill(market.shop().slug());
			page.locator("#join-submit").click();
			page.waitForURL("**/my/earnings");
			assertThat(page.locator("p.notice")).containsText(words.promoterOf);
			assertThat(page.locator("#earnings-shops")).containsText(market.shop().slug());
			visited(page, shot + "12-earnings-joined");

			// what a wrong address shows
			page.navigate(baseUrl() + "/o/00000000-0000-0000-0000-000000000000");
			assertThat(page.locator("h1")).hasText(words.notFound);
			visited(page, shot + "13-not-found");
		}
	}

	/** Screenshot and accessibility check of the page as it is now. */
	private static void visited(Page page, String name) {
		Browsers.screenshot(page, name);
		Accessibility.check(page);
	}

	/** The Chinese listing on a phone, for the README. */
	private static void saveForTheReadme(String name) {
		try {
			Files.createDirectories(LISTING_PHONE_SCREENSHOT.getParent());
			Files.copy(Browsers.SCREENSHOTS.resolve(name + ".png"), LISTING_PHONE_SCREENSHOT,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What each language's pages say. */
	enum Words {

		CHINESE("zh-CN", "投诉率", "选择规格", "付款", "验证码已发送至", "已付款", "已下单", CHINESE_TIME, "已发货", "确认收货",
				"谢谢！已确认收货。", "已收货", "出了什么问题？", "投诉已提交。卖家应在 48 小时内答复。", "处理中", "你关注了", "我的佣金", "你已成为",
				"没有找到", "发送验证码"),

		ENGLISH("en", "Complaint rate", "Choose", "Pay", "We texted a code to", "Paid", "Placed", ENGLISH_TIME,
				"Shipped", "I received it", "Thank you! Receipt confirmed.", "Received", "What went wrong?",
				"Complaint sent. The seller is expected to answer within 48 hours.", "Open", "You follow",
				"My earnings", "You are now a promoter of", "We could not find that", "Text me a code");

		final String lang;

		final String complaintRate;

		final String choose;

		final String pay;

		final String codeSent;

		final String paid;

		final String placed;

		final Pattern time;

		final String shipped;

		final String confirmReceipt;

		final String receiptConfirmed;

		final String received;

		final String whatWentWrong;

		final String complaintSent;

		final String open;

		final String followed;

		final String myEarnings;

		final String promoterOf;

		final String notFound;

		final String sendCode;

		Words(String lang, String complaintRate, String choose, String pay, String codeSent, String paid, String placed,
				Pattern time, String shipped, String confirmReceipt, String receiptConfirmed, String received,
				String whatWentWrong, String complaintSent, String open, String followed, String myEarnings,
				String promoterOf, String notFound, String sendCode) {
			this.lang = lang;
			this.complaintRate = complaintRate;
			this.choose = choose;
			this.pay = pay;
			this.codeSent = codeSent;
			this.paid = paid;
			this.placed = placed;
			this.time = time;
			this.shipped = shipped;
			this.confirmReceipt = confirmReceipt;
			this.receiptConfirmed = receiptConfirmed;
			this.received = received;
			this.whatWentWrong = whatWentWrong;
			this.complaintSent = complaintSent;
			this.open = open;
			this.followed = followed;
			this.myEarnings = myEarnings;
			this.promoterOf = promoterOf;
			this.notFound = notFound;
			this.sendCode = sendCode;
		}

	}

}
