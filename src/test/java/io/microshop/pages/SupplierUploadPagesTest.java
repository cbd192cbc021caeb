package io.microshop.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supplier's upload forms without JavaScript: a CSV becomes a batch page with a refresh
 * link; a binary file, an oversized file (past the container's own limit too) and a file that
 * is not a picture come back as a page with a clear 4xx, never a 500.
 */
class SupplierUploadPagesTest extends AppTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void uploadsWorkWithoutJavaScriptAndBadFilesAreRefusedWithAPage() {
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 0);
		String supplier = market.product().supplierId();
		Browser browser = new Browser(baseUrl());
		browser.signIn(market.supplier().phone(), jdbc);

		HttpResponse<String> form = browser.get("/supplier/shipments?supplier=" + supplier);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Bulk shipping").contains("orderId,carrier,trackingNumber");

		String csv = "orderId,carrier,trackingNumber\n" + java.util.UUID.randomUUID() + ",SF,1\n";
		HttpResponse<String> started = browser.upload("/supplier/shipments", "/supplier/shipments?supplier=" + supplier,
				supplier, "orders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String batchPage = started.headers().firstValue("Location").orElseThrow().replace(baseUrl(), "");
		assertThat(batchPage).matches("/supplier/shipments/[0-9a-f-]{36}\\?supplier=" + supplier);
		HttpResponse<String> batch = browser.get(batchPage);
		assertThat(batch.statusCode()).isEqualTo(200);
		assertThat(batch.body()).contains("<progress id=\"batch-progress\"").contains("orders.csv");
		long deadline = System.currentTimeMillis() + 10_000;
		while (!batch.body().contains("Finished.") && System.currentTimeMillis() < deadline) {
			Scenario.sleep(100);
			batch = browser.get(batchPage);
		}
		assertThat(batch.body()).contains("Finished.").contains("data-line=\"2\"").contains("There is no order with this id.");
		HttpResponse<String> progress = browser.send(HttpRequest.newBuilder(URI.create(baseUrl()
				+ batchPage.replace("?", "/progress?"))).header("Accept", "application/json"));
		assertThat(progress.body()).contains("\"done\":1").contains("\"status\":\"DONE\"");

		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		HttpResponse<String> binary = browser.upload("/supplier/shipments", "/supplier/shipments?supplier=" + supplier,
				supplier, "orders.csv", "text/csv", png);
		assertThat(binary.statusCode()).isEqualTo(415);
		assertThat(binary.body()).contains("This is not a CSV file");

		HttpResponse<String> header = browser.upload("/supplier/shipments", "/supplier/shipments?supplier=" + supplier,
				supplier, "orders.csv", "text/csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
		assertThat(header.statusCode()).isEqualTo(422);
		assertThat(header.body()).contains("Line 1: The first line must be the header");

		byte[] sixMegabytes = new byte[5 * 1024 * 1024 + 100];
		java.util.Arrays.fill(sixMegabytes, (byte) 'a');
		HttpResponse<String> tooLarge = browser.upload("/supplier/shipments",
				"/supplier/shipments?supplier=" + supplier, supplier, "orders.csv", "text/csv", sixMegabytes);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("at most 5 MB");

		byte[] fiftyMegabytes = new byte[50 * 1024 * 1024];
		java.util.Arrays.fill(fiftyMegabytes, (byte) 'a');
		HttpResponse<String> huge = browser.upload("/supplier/shipments", "/supplier/shipments?supplier=" + supplier,
				supplier, "orders.csv", "text/csv", fiftyMegabytes);
		assertThat(huge.statusCode()).as(huge.body()).isEqualTo(413);
		assertThat(huge.body()).contains("<html");

		HttpResponse<String> notPicture = browser.upload("/supplier/products/" + market.product().productId() + "/images",
				"/supplier?supplier=" + supplier, supplier, "photo.jpg", "image/jpeg",
				"just text".getBytes(StandardCharsets.UTF_8));
		assertThat(notPicture.statusCode()).isEqualTo(302);
		assertThat(browser.get(notPicture.headers().firstValue("Location").orElseThrow().replace(baseUrl(), "")).body())
			.contains("This file is not a picture");
	}

	/** A browser without JavaScript that can post multipart forms. */
	static final class Browser {

		private final String base;

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		Browser(String base) {
			this.base = base;
		}

		void signIn(String phone, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
			post("/sign-in/code", "/sign-in", "phone=" + enc(phone));
			String text = jdbc.sql("SELECT text FROM dev_sms_messages WHERE phone = ? ORDER BY id DESC LIMIT 1")
				.param(phone)
				.query(String.class)
				.single();
			Matcher code = Pattern.compile("(\\d{6})").matcher(text);
			assertThat(code.find()).as("a code for " + phone).isTrue();
			HttpResponse<String> signedIn = post("/sign-in", "/sign-in", "phone=" + enc(phone) + "&code=" + code.group(1));
			assertThat(signedIn.statusCode()).isEqualTo(302);
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
		}

		HttpResponse<String> post(String path, String formPage, String form) {
			return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf(formPage)))));
		}

		HttpResponse<String> upload(String path, String formPage, String supplier, String filename, String type,
				byte[] bytes) {
			String boundary = "----page" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (String[] field : new String[][] { { "_csrf", csrf(formPage) }, { "supplier", supplier } }) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
						+ field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		}

		private String csrf(String formPage) {
			Matcher token = CSRF.matcher(get(formPage).body());
			assertThat(token.find()).as("a CSRF token on " + formPage).isTrue();
			return token.group(1);
		}

		HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				if (request.build().headers().firstValue("Accept").isEmpty()) {
					request.header("Accept", "text/html");
				}
				return http.send(request.header("Accept-Language", "en")
					.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String enc(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
