package io.microshop.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * Trust in a browser: a seller submits a verification with a document; an operator approves
 * it in the console and the seller's page shows the badge and the withdrawal form.
 */
class TrustConsoleBrowserTest extends AppTest {

	@Test
	void anOperatorApprovesAVerificationInTheConsole() {
		Browsers.assumeChromium();
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 500);

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			Page seller = Browsers.phone(browser).newPage();
			Browsers.signIn(seller, baseUrl(), market.seller().phone(), "/seller/verification", "trust-01-seller");
			assertThat(seller.locator("#verification-status")).containsText("Not verified yet");
			seller.getByLabel("Legal name (person or company)").fill("Han Meimei");
			seller.getByLabel("ID card or business-licence number").fill("11010119900307123X");
			seller.locator("#first-document")
				.setInputFiles(new FilePayload("id-card.png", "image/png", TestFiles.png()));
			Browsers.screenshot(seller, "trust-02-seller-verification-form");
			Accessibility.check(seller);
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
			Accessibility.check(operator);
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

	@Test
	void anOperatorDecidesAComplaintWithAPartialRefundInTheConsole() {
		Browsers.assumeChromium();
		// supply ¥10, floor ¥20, price ¥25, shipping ¥5; 2 units: ¥55.00 paid
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 500);
		Scenario.User buyer = scenario.user();
		var order = scenario.paidOrder(buyer, market, 2);
		scenario.ship(market, order.id(), "SF3001");
		scenario.receive(buyer, order.id());
		var complaint = api.post("/api/v1/orders/" + order.id() + "/complaints", buyer.token(),
				io.microshop.support.Api.map("reason", "DAMAGED", "text", "One of the two tins arrived crushed."));
		assertThat(complaint.status()).as(complaint.toString()).isEqualTo(201);
		var answer = api.post("/api/v1/complaints/" + complaint.id() + "/messages", market.seller().token(),
				io.microshop.support.Api.map("text", "Sorry! We can refund one tin."));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			Page operator = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
				.setLocale("en-US")).newPage();
			Browsers.signIn(operator, baseUrl(), OPERATOR_PHONE, "/ops", "trust-06-operator");
			operator.locator("#ops-queues").getByText("Complaints").click();
			Locator card = operator.locator("#complaint-" + complaint.id());
			assertThat(card).containsText("One of the two tins arrived crushed.");
			operator.locator("#outcome-partial-" + complaint.id()).check();
			operator.locator("#refund-amount-" + complaint.id()).fill("25.00");
			operator.locator("#decision-reason-" + complaint.id()).fill("One tin damaged in transit: refund one unit");
			Browsers.screenshot(operator, "trust-07-operator-complaint-decision");
			Accessibility.check(operator);
			operator.locator("#decide-" + complaint.id()).click();
			assertThat(operator.locator("p.notice")).isVisible();
			Browsers.screenshot(operator, "trust-08-operator-complaint-decided");
		}
		var decided = api.get("/api/v1/complaints/" + complaint.id(), buyer.token()).json();
		assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
		assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("PARTIAL_REFUND");
		assertThat(jdbc.sql("""
				SELECT p.amount FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
				WHERE t.kind = 'PARTIAL_REFUND' AND t.reference LIKE ? AND p.account = 'buyer-funds'""")
			.param(order.id() + "%")
			.query(Long.class)
			.single()).isEqualTo(2_500);
	}

}
