package io.microshop.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.TestFiles;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supplier console in a browser, in both languages, on a phone and a desktop: a product
 * picture uploaded and shown with {@code srcset} on the listing page, a low-stock alert, the
 * orders filter, and bulk shipping of 500 paid orders by CSV with the progress bar moving in
 * place, then a file with bad rows reported by line.
 */
class SupplierConsoleBrowserTest extends AppTest {

	static final int ORDERS = 500;

	@Test
	void aSupplierShips500OrdersByCsvAndSeesTheProgressInBothLanguages() throws Exception {
		Browsers.assumeChromium();
		long started = System.currentTimeMillis();
		Scenario.Market market = scenario.market(1000, 2000, 2500, ORDERS + 100, 0);
		List<String> orderIds = paidOrders(market, ORDERS);
		long ordersReady = System.currentTimeMillis();
		System.out.printf("[supplier-console] %d paid orders created in %.1f s%n", ORDERS,
				(ordersReady - started) / 1000.0);
		Scenario.User stranger = scenario.user();
		Scenario.Market otherMarket = scenario.market(1000, 2000, 2500, 10, 0);
		var othersOrder = scenario.order(stranger, otherMarket, 1);
		scenario.pay(stranger, othersOrder);
		var unpaid = scenario.order(stranger, market, 1);

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			// ---- desktop, English: picture, low-stock alert, filters, 500 orders shipped by CSV
			BrowserContext desktopContext = Browsers.desktop(browser, "en-US");
			Page desktop = desktopContext.newPage();
			Browsers.signIn(desktop, baseUrl(), market.supplier().phone(), "/supplier", "supplier-console-01");
			assertThat(desktop.locator("html")).hasAttribute("lang", "en");
			assertThat(desktop.locator("#withdraw-link")).hasAttribute("href",
					java.util.regex.Pattern.compile("/supplier/verification"));
			Accessibility.check(desktop);

			Locator product = desktop.locator("[data-product-id='" + market.product().productId() + "']");
			product.getByLabel("Add a picture").setInputFiles(new FilePayload("tea.png", "image/png",
					picture(1600, 1200)));
			product.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Upload picture"))
				.click();
			assertThat(desktop.locator("p.notice")).containsText("Picture added to Oolong tea");
			assertThat(product.locator("img.thumb")).hasAttribute("srcset", java.util.regex.Pattern.compile("480w"));

			product.getByLabel("Alert at (units)").fill(String.valueOf(200));
			product.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Save stock"))
				.click();
			assertThat(desktop.locator("p.notice")).containsText("low-stock alert at 200");
			assertThat(desktop.locator("#low-stock")).containsText("T-100");
			assertThat(desktop.locator("#low-stock")).containsText("99 left");
			Accessibility.check(desktop);
			Browsers.screenshot(desktop, "supplier-console-02-products-en-desktop");

			// picture with srcset and the first image eager, on the listing page
			desktop.navigate(baseUrl() + "/l/" + market.listingId());
			Locator first = desktop.locator(".gallery img").first();
			assertThat(first).hasAttribute("srcset", java.util.regex.Pattern.compile("thumb-200x150\\.jpg 200w, .*card-480x360\\.jpg 480w, .*full-1200x900\\.jpg 1200w"));
			assertThat(first).hasAttribute("loading", "eager");
			assertThat(first).hasAttribute("width", "480");
			assertThat(first).hasAttribute("height", "360");
			assertThat(first).hasAttribute("sizes", java.util.regex.Pattern.compile("vw"));
			assertThat((Boolean) first.evaluate("img => img.complete && img.naturalWidth > 0")).isTrue();
			Browsers.screenshot(desktop, "supplier-console-03-listing-srcset");

			// orders to ship, filtered by order id and by phone
			desktop.navigate(baseUrl() + "/supplier/orders");
			assertThat(desktop.locator("#order-count")).containsText(ORDERS + " order");
			desktop.locator("#order-filters summary").click();
			desktop.getByLabel("Order id or phone").fill(orderIds.get(7).substring(0, 8));
			desktop.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Filter").setExact(true))
				.click();
			assertThat(desktop.locator("li.order")).hasCount(1);
			assertThat(desktop.locator("li.order").first()).hasAttribute("data-order-id", orderIds.get(7));
			Accessibility.check(desktop);
			Browsers.screenshot(desktop, "supplier-console-04-orders-filtered-en");

			desktop.locator("nav.tabs").getByText("Bulk shipping").click();
			assertThat(desktop.locator("h2").first()).hasText("Bulk shipping");
			Accessibility.check(desktop);
			StringBuilder csv = new StringBuilder("orderId,carrier,trackingNumber\r\n");
			for (int i = 0; i < orderIds.size(); i++) {
				csv.append(orderIds.get(i)).append(",SF Express,SF").append(100000 + i).append("\r\n");
			}
			desktop.getByLabel("CSV file").setInputFiles(new FilePayload("orders-500.csv", "text/csv",
					TestFiles.withBom(csv.toString())));
			long uploadAt = System.currentTimeMillis();
			desktop.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Upload and ship"))
				.click();
			desktop.waitForURL(java.util.regex.Pattern.compile(".*/supplier/shipments/[0-9a-f-]{36}.*"));
			assertThat(desktop.locator("#batch-refresh")).isVisible();
			desktop.evaluate("() => { window.__samePage = true; }");
			List<Integer> seen = new ArrayList<>();
			boolean inPlace = false;
			long deadline = System.currentTimeMillis() + 60_000;
			while (System.currentTimeMillis() < deadline) {
				int value;
				try {
					if (!Boolean.TRUE.equals(desktop.evaluate("() => window.__samePage === true"))) {
						break; // reloaded once done, to list the row errors
					}
					value = ((Number) desktop.evaluate(
							"() => { const p = document.getElementById('batch-progress'); return p ? p.value : -1; }"))
						.intValue();
				}
				catch (com.microsoft.playwright.PlaywrightException reloading) {
					break; // the reload once done happened between two looks
				}
				if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
					seen.add(value);
				}
				if (value > 0 && value < ORDERS) {
					inPlace = true;
					if (seen.size() == 2) {
						Browsers.screenshot(desktop, "supplier-console-05-bulk-progress-en");
					}
				}
				desktop.waitForTimeout(100);
			}
			System.out.printf("[supplier-console] progress values seen in place: %s%n", seen);
			assertThat(inPlace).as("an intermediate progress value shown without reloading, saw " + seen).isTrue();
			assertThat(seen).isSorted();
			assertThat(desktop.locator("#batch-shipped")).hasText(String.valueOf(ORDERS), 
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
			assertThat(desktop.locator("#batch-state")).hasText("Finished.");
			assertThat(desktop.locator("#batch-failed")).hasText("0");
			assertThat(desktop.locator("#batch-progress")).hasAttribute("value", String.valueOf(ORDERS));
			System.out.printf("[supplier-console] %d orders shipped by CSV in %.1f s (upload to finished page)%n", ORDERS,
					(System.currentTimeMillis() - uploadAt) / 1000.0);
			Accessibility.check(desktop);
			Browsers.screenshot(desktop, "supplier-console-06-bulk-done-en");
			assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE supplier_id = ?::uuid AND status = 'SHIPPED'")
				.param(market.product().supplierId())
				.query(Long.class)
				.single()).isEqualTo(ORDERS);

			// ---- phone, Chinese: a file with bad rows, reported by line
			BrowserContext phoneContext = Browsers.phone(browser, "en-US");
			Page phone = phoneContext.newPage();
			Browsers.signIn(phone, baseUrl(), market.supplier().phone(), "/supplier", "supplier-console-07");
			phone.navigate(baseUrl() + "/lang/zh-CN?next=/supplier/shipments");
			assertThat(phone.locator("html")).hasAttribute("lang", "zh-CN");
			assertThat(phone.locator("h2").first()).hasText("批量发货");
			Accessibility.check(phone);
			String bad = "orderId,carrier,trackingNumber\n" // 1
					+ orderIds.get(0) + ",SF Express,SF100000\n" // 2 already shipped, same tracking
					+ UUID.randomUUID() + ",SF Express,X1\n" // 3 unknown
					+ othersOrder.id() + ",SF Express,X2\n" // 4 another supplier's
					+ unpaid.id() + ",SF Express,X3\n" // 5 not paid
					+ unpaid.id() + ",SF Express,X3\n" // 6 duplicate
					+ orderIds.get(1) + ",SF Express\n"; // 7 wrong columns
			phone.getByLabel("CSV 文件").setInputFiles(new FilePayload("bad.csv", "text/csv",
					bad.getBytes(StandardCharsets.UTF_8)));
			phone.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("上传并发货"))
				.click();
			phone.waitForURL(java.util.regex.Pattern.compile(".*/supplier/shipments/[0-9a-f-]{36}.*"));
			assertThat(phone.locator("#batch-state")).hasText("已完成。",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
			assertThat(phone.locator("#batch-already")).hasText("1");
			assertThat(phone.locator("#batch-failed")).hasText("5");
			assertRowError(phone, 3, "没有这个订单号");
			assertRowError(phone, 4, "该订单属于其他供应商");
			assertRowError(phone, 5, "该订单尚未付款");
			assertRowError(phone, 6, "同一订单在本文件前面已出现");
			assertRowError(phone, 7, "列数不对");
			Accessibility.check(phone);
			Browsers.screenshot(phone, "supplier-console-08-bulk-errors-zh-phone");
			String badBatch = phone.url();

			// the same errors in English on the desktop, the same console in Chinese on the phone
			desktop.navigate(badBatch.replace(baseUrl(), baseUrl()));
			assertRowError(desktop, 3, "There is no order with this id.");
			assertRowError(desktop, 4, "This order belongs to another supplier.");
			assertRowError(desktop, 5, "This order is not paid yet.");
			assertRowError(desktop, 6, "The same order appears earlier in this file.");
			assertRowError(desktop, 7, "Wrong number of columns");
			Browsers.screenshot(desktop, "supplier-console-09-bulk-errors-en-desktop");

			phone.navigate(baseUrl() + "/supplier");
			assertThat(phone.locator("h1")).containsText("供应商后台");
			assertThat(phone.locator("#low-stock")).containsText("库存不足");
			Accessibility.check(phone);
			Browsers.screenshot(phone, "supplier-console-10-products-zh-phone");
			phone.navigate(baseUrl() + "/supplier/orders?status=SHIPPED&q=" + orderIds.get(3).substring(0, 8));
			assertThat(phone.locator("li.order")).hasCount(1);
			assertThat(phone.locator("li.order").first()).containsText("SF100003");
			Accessibility.check(phone);
			Browsers.screenshot(phone, "supplier-console-11-orders-zh-phone");
			phone.navigate(badBatch);
			phone.navigate(baseUrl() + "/lang/en?next=/supplier/shipments");
			assertThat(phone.locator("table")).containsText("orders-500.csv");
			Accessibility.check(phone);
			Browsers.screenshot(phone, "supplier-console-12-bulk-en-phone");

			desktop.navigate(baseUrl() + "/lang/zh-CN?next=/supplier/orders");
			assertThat(desktop.locator("main")).containsText("待发货订单");
			Accessibility.check(desktop);
			Browsers.screenshot(desktop, "supplier-console-13-orders-zh-desktop");
		}
		System.out.printf("[supplier-console] whole test %.1f s%n", (System.currentTimeMillis() - started) / 1000.0);
	}

	private static void assertRowError(Page page, int line, String text) {
		assertThat(page.locator("#row-errors tr[data-line='" + line + "']")).containsText(text);
	}

	/** Paid orders of the market's supplier, placed and paid through the API by 8 buyers at once. */
	private List<String> paidOrders(Scenario.Market market, int count) throws Exception {
		int threads = 8;
		List<Scenario.User> buyers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			buyers.add(scenario.user());
		}
		List<String> ids = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				Scenario.User buyer = buyers.get(t);
				int share = count / threads + (t < count % threads ? 1 : 0);
				work.add(pool.submit(() -> {
					Api client = new Api(baseUrl());
					Scenario own = new Scenario(client);
					for (int i = 0; i < share; i++) {
						var order = own.order(buyer, market, 1);
						assertThat(order.status()).as(order.toString()).isEqualTo(201);
						String paymentId = order.json().get("payment").get("id").asString();
						var paid = client.post("/api/v1/payments/" + paymentId + "/sandbox-pay", buyer.token(), null);
						assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
						ids.add(order.id());
					}
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		long deadline = System.currentTimeMillis() + 60_000;
		while (paidCount(market) < count && System.currentTimeMillis() < deadline) {
			Scenario.sleep(100);
		}
		assertThat(paidCount(market)).isEqualTo(count);
		List<String> sorted = new ArrayList<>(ids);
		Collections.sort(sorted);
		return sorted;
	}

	private long paidCount(Scenario.Market market) {
		return jdbc.sql("SELECT count(*) FROM orders WHERE supplier_id = ?::uuid AND status = 'PAID'")
			.param(market.product().supplierId())
			.query(Long.class)
			.single();
	}

	private static byte[] picture(int width, int height) throws java.io.IOException {
		var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0x2e7d32), width, height,
				new java.awt.Color(0xc8e6c9)));
		g.fillRect(0, 0, width, height);
		g.dispose();
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
