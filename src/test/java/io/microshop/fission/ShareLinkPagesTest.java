package io.microshop.fission;

import static io.microshop.fission.ShareFixtures.cookiesNamed;
import static io.microshop.fission.ShareFixtures.open;
import static io.microshop.fission.ShareFixtures.share;
import static io.microshop.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

/**
 * The pages of sharing: the redirect {@code /r/{code}} with its cookies and visit, the
 * poster, the preview tags of a listing, the share sheet, the seller's fission tab and the
 * page checkout that carries the attribution cookie into the order.
 */
class ShareLinkPagesTest extends AppTest {

	@Test
	void openingALinkRecordsTheVisitSetsBothCookiesAndRedirects302ToTheListing() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		String code = share(api, scenario.user(), market.listingId(), "wechat");

		var opened = open(baseUrl(), "/r/" + code, null);

		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/l/" + market.listingId());
		String ref = cookiesNamed(opened, "ms_ref").get(0);
		assertThat(ref).startsWith("ms_ref=" + code + ";").contains("Max-Age=604800").contains("Path=/")
			.contains("HttpOnly").contains("SameSite=Lax");
		String vid = cookiesNamed(opened, "ms_vid").get(0);
		assertThat(vid).matches("ms_vid=[0-9A-Za-z]{16,40};.*").contains("Max-Age=31536000").contains("HttpOnly")
			.contains("SameSite=Lax");
		String visitor = vid.substring("ms_vid=".length(), vid.indexOf(';'));
		assertThat(visits(code, visitor)).isEqualTo(1);

		// the same browser again: its visitor id is kept, the attribution renewed (last click wins)
		var again = open(baseUrl(), "/r/" + code, visitor);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(cookiesNamed(again, "ms_vid")).isEmpty();
		assertThat(cookiesNamed(again, "ms_ref")).hasSize(1);
		assertThat(visits(code, visitor)).isEqualTo(2);
	}

	@Test
	void anUnknownCodeIsAFriendly404PageNotA500() {
		for (String code : new String[] { "Zz9Zz9Zz9Z", "short", "a-b-c-d-e-f", "x".repeat(300) }) {
			var opened = open(baseUrl(), "/r/" + code, null);
			assertThat(opened.statusCode()).as(code).isEqualTo(404);
			assertThat(opened.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
			assertThat(new String(opened.body(), StandardCharsets.UTF_8)).contains("We could not find that");
			assertThat(cookiesNamed(opened, "ms_ref")).isEmpty();
		}
		assertThat(open(baseUrl(), "/r/Zz9Zz9Zz9Z/poster.png", null).statusCode()).isEqualTo(404);
	}

	@Test
	void thePosterIsAPngWhoseQrCodeDecodesToTheAbsoluteShareUrl() throws Exception {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		String code = share(api, scenario.user(), market.listingId(), "wechat");

		var poster = open(baseUrl(), "/r/" + code + "/poster.png", null);

		assertThat(poster.statusCode()).isEqualTo(200);
		assertThat(poster.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(poster.body()));
		assertThat(image.getWidth()).isEqualTo(750);
		assertThat(image.getHeight()).isEqualTo(1100);
		assertThat(decode(image)).isEqualTo(baseUrl() + "/r/" + code);
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "fission-poster.png"), poster.body());
		// a visit is what a person does, not a poster download
		assertThat(visits(code, null)).isZero();

		var qr = open(baseUrl(), "/r/" + code + "/qr.png", null);
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(decode(ImageIO.read(new ByteArrayInputStream(qr.body())))).isEqualTo(baseUrl() + "/r/" + code);
	}

	@Test
	void theListingPageCarriesOpenGraphAndTwitterTagsWithAbsoluteUrlsAndAShareLink() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);

		var page = new WebClient(baseUrl()).get("/l/" + market.listingId());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<meta property=\"og:title\" content=\"Oolong tea\">")
			.contains("<meta property=\"og:url\" content=\"" + baseUrl() + "/l/" + market.listingId() + "\">")
			.contains("<meta property=\"og:image\" content=\"" + baseUrl() + "/images/share-default.png\">")
			.contains("<meta property=\"og:type\" content=\"product\">")
			.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
			.contains("og:description")
			.contains("href=\"/sign-in?next=")
			.contains(market.listingId() + "\">Share</a>");
		assertThat(new WebClient(baseUrl()).get("/images/share-default.png").status()).isEqualTo(200);
	}

	@Test
	void theShareSheetMakesOneLinkPerChannelOnceAndNeedsSignIn() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User fan = scenario.user();
		WebClient browser = WebClient.signedIn(baseUrl(), jdbc, fan.phone());

		var sheet = browser.get("/my/share?listingId=" + market.listingId());
		var again = browser.get("/my/share?listingId=" + market.listingId());

		assertThat(sheet.status()).as(sheet.body()).isEqualTo(200);
		assertThat(browser.get("/l/" + market.listingId()).body())
			.contains("href=\"/my/share?listingId=" + market.listingId() + "\">Share</a>");
		assertThat(linksOf(fan)).isEqualTo(6);
		for (String channel : new String[] { "wechat", "weibo", "facebook", "pinterest", "momo", "link" }) {
			String code = jdbc.sql("SELECT code FROM share_links WHERE sharer_account_id = ? AND channel = ?")
				.params(UUID.fromString(fan.id()), channel)
				.query(String.class)
				.single();
			assertThat(sheet.body()).as(channel).contains(baseUrl() + "/r/" + code);
			assertThat(again.body()).as(channel).contains(baseUrl() + "/r/" + code);
		}
		assertThat(linksOf(fan)).isEqualTo(6);
		assertThat(sheet.body()).contains("https://service.weibo.com/share/share.php?url=")
			.contains("https://www.facebook.com/sharer/sharer.php?u=")
			.contains("https://pinterest.com/pin/create/button/?url=")
			.contains("/poster.png")
			.contains("id=\"web-share\"")
			.contains("/js/share.js");
		assertThat(browser.get("/my/share?listingId=" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(browser.get("/my/share").status()).isEqualTo(404);
		var anonymous = new WebClient(baseUrl()).get("/my/share?listingId=" + market.listingId());
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).contains("/sign-in");
	}

	@Test
	void thePageCheckoutAttributesTheOrderToTheLastLinkOpenedAndTheSellerSeesItByChannel() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User fan = scenario.user();
		String first = share(api, fan, market.listingId(), "weibo");
		String last = share(api, fan, market.listingId(), "momo");
		String buyerPhone = Scenario.newPhone();
		WebClient buyer = WebClient.signedIn(baseUrl(), jdbc, buyerPhone);

		assertThat(buyer.get("/r/" + first).status()).isEqualTo(302);
		assertThat(buyer.get("/r/" + last).status()).isEqualTo(302);
		assertThat(buyer.cookie("ms_ref")).contains(last);
		var paid = buyer.post("/l/" + market.listingId() + "/pay", "/l/" + market.listingId(),
				Map.of("sku", market.product().skuId(), "quantity", "1", "name", "Han Meimei", "phone", buyerPhone,
						"address", "8 West Lake Road, Hangzhou", "expectedTotal", String.valueOf(3_900 + 800),
						"checkoutKey", UUID.randomUUID().toString()));

		assertThat(paid.status()).as(paid.body()).isEqualTo(302);
		assertThat(paid.location()).startsWith("/o/");
		String orderId = paid.location().substring("/o/".length());
		eventually(() -> {
			var stats = api.get("/api/v1/shares/" + last + "/stats", fan.token()).json();
			assertThat(stats.get("orders").asLong()).isEqualTo(1);
			assertThat(stats.get("paidOrders").asLong()).isEqualTo(1);
			assertThat(stats.get("sales").asLong()).isEqualTo(3_900 + 800);
		});
		assertThat(jdbc.sql("SELECT code FROM share_orders WHERE order_id = ?::uuid").param(orderId)
			.query(String.class).single()).isEqualTo(last);
		assertThat(api.get("/api/v1/shares/" + first + "/stats", fan.token()).json().get("orders").asLong()).isZero();

		WebClient seller = WebClient.signedIn(baseUrl(), jdbc, market.seller().phone());
		var console = seller.get("/seller/fission?shop=" + market.shop().id());
		assertThat(console.status()).as(console.body()).isEqualTo(200);
		assertThat(console.body()).contains("<svg").contains("id=\"fission-channels\"").contains("id=\"channel-momo\"")
			.contains("¥47.00").contains("href=\"/seller/fission?shop=" + market.shop().id() + "\"");
		assertThat(seller.get("/seller?shop=" + market.shop().id()).body())
			.contains("/seller/fission?shop=" + market.shop().id());
		// an account with no shop is sent to open one
		assertThat(buyer.get("/seller/fission").location()).isEqualTo("/seller");
	}

	private long visits(String code, String visitor) {
		return jdbc.sql("SELECT count(*) FROM share_visits WHERE code = ? AND (?::text IS NULL OR visitor_id = ?)")
			.params(code, visitor, visitor)
			.query(Long.class)
			.single();
	}

	private long linksOf(User sharer) {
		return jdbc.sql("SELECT count(*) FROM share_links WHERE sharer_account_id = ?")
			.param(UUID.fromString(sharer.id()))
			.query(Long.class)
			.single();
	}

	static String decode(BufferedImage image) throws NotFoundException {
		var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}

	static BufferedImage read(byte[] png) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(png));
	}

}
