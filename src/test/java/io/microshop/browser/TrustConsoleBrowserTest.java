package io.microshop.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Trust in a browser: a seller submits a verification with a document; an operator approves
 * it in the console and the seller's page shows the badge and the withdrawal form.
 */
class TrustConsoleBrowserTest extends AppTest {

	@Test
	void anOperatorApprovesAVerificationInTheConsole() throws IOException {
		Browsers.assumeChromium();
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 500);

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			Page seller = Browsers.phone(browser).newPage();
			Browsers.signIn(seller, baseUrl(), market.seller().phone(), "/seller/verification", "trust-01-seller");
			assertThat(seller.locator("#verification-status")).containsText("Not verified yet");
			seller.getByLabel("Legal name (person or company)").fill("Han Meimei");
			seller.getByLabel("ID card or business-licence number").fill("11010119900307123X");
			seller.locator("#first-document")
				.setInputFiles(new FilePayload("id-card.png", "image/png", png()));
			Browsers.screenshot(seller, "trust-02-seller-verification-form");
			seller.getByText("Submit for review").click();
			assertThat(seller.locator("p.notice")).containsText("Submitted for review");
			assertThat(seller.locator("#documents li")).hasCount(1);

			Page operator = Browsers.phone(browser).newPage();
			Browsers.signIn(operator, baseUrl(), OPERATOR_PHONE, "/ops", "trust-03-operator");
			operator.locator("#ops-queues").getByText("Verifications").click();
			Locator card = operator.locator("article.verification").filter(new Locator.FilterOptions().setHasText("Han Meimei"));
			assertThat(card).containsText("11010119900307123X");
			assertThat(card.locator("a")).hasCount(1);
			card.getByLabel("Reason (required to reject)").fill("ID card photo matches the name");
			Browsers.screenshot(operator, "trust-04-operator-verification-queue");
			card.getByText("Approve").click();
			assertThat(operator.locator("p.notice")).containsText("Han Meimei: approved");

			seller.reload();
			assertThat(seller.locator("#verification-status")).containsText("Verified");
			assertThat(seller.locator("#withdraw-form")).isVisible();
			Browsers.screenshot(seller, "trust-05-seller-verified");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'verification.approve' AND reason = ?")
			.param("ID card photo matches the name")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(16, 10, BufferedImage.TYPE_INT_RGB);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
