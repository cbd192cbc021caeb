import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** B5: many buyers try to take the last seat of a group at once. */
final class GroupSeat {

	private GroupSeat() {
	}

	// ---- B5: the last seat of a group (needs group buys) ---------------------------------

	/**
	 * A group deal of size 2 on the hot listing; the leader's order is paid, so one seat is
	 * left; then N buyers join at once and all pay at once (signed webhooks). Exactly one may be
	 * seated; every other is refused at placement (409) or cancelled and refunded after paying.
	 */
	static void b5(Properties p, int buyers, String secret) throws Exception {
		String shop = p.getProperty("shops").split(",")[0];
		String listing = p.getProperty("hotListings").split(",")[0];
		String sku = p.getProperty("hotSku");
		String[] tokens = p.getProperty("buyers").split(",");
		String sellerToken = p.getProperty("sellerToken");
		// B1 leaves the hot SKU sold out: enough stock for every attempt
		Driver.call("PATCH", "/api/v1/suppliers/" + p.getProperty("supplierId") + "/skus/" + sku,
				p.getProperty("supplierToken"), "{\"stock\":" + (buyers + 10) + "}");
		String deal = Driver.id(Driver.post("/api/v1/shops/" + shop + "/group-deals", sellerToken, "{\"listingId\":\"" + listing
				+ "\",\"skuId\":\"" + sku + "\",\"groupPrice\":1500,\"groupSize\":2,\"window\":\"PT1H\"}", 201));
		String leaderToken = tokens[0];
		String lead = Driver.post("/api/v1/orders", leaderToken, groupOrder(listing, sku, "groupDealId", deal), 201);
		String groupId = Driver.field(lead, "groupId");
		pay(lead, secret);
		if (!Driver.awaitStatus(Driver.id(lead), leaderToken, "PAID")) {
			throw new IllegalStateException("the leader's order was never paid");
		}
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger fiveXX = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch joined = new CountDownLatch(buyers);
		CountDownLatch payNow = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(buyers);
		for (int b = 0; b < buyers; b++) {
			String token = tokens[(b + 1) % tokens.length];
			new Thread(() -> {
				String order = null;
				try {
					go.await();
					HttpResponse<String> r = Driver.call("POST", "/api/v1/orders", token,
							groupOrder(listing, sku, "groupId", groupId));
					if (r.statusCode() == 201) {
						order = r.body();
					}
					else if (r.statusCode() == 409) {
						refused.incrementAndGet();
					}
					else if (r.statusCode() >= 500) {
						fiveXX.incrementAndGet();
					}
					else {
						other.incrementAndGet();
					}
				}
				catch (Exception ex) {
					other.incrementAndGet();
				}
				finally {
					joined.countDown();
				}
				try {
					payNow.await();
					if (order != null) {
						HttpResponse<String> hook = pay(order, secret);
						if (Driver.ok(hook, 200, fiveXX, other)) {
							placed.add(Driver.id(order) + ":" + token);
						}
					}
				}
				catch (Exception ex) {
					other.incrementAndGet();
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		go.countDown();
		joined.await();
		payNow.countDown();
		done.await();
		int seated = 0;
		long deadline = System.currentTimeMillis() + 60_000;
		List<String> pending = new ArrayList<>(placed);
		while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
			List<String> still = new ArrayList<>();
			for (String o : pending) {
				String[] parts = o.split(":");
				HttpResponse<String> r = Driver.call("GET", "/api/v1/orders/" + parts[0], parts[1], null);
				String status = r.statusCode() == 200 ? Driver.field(r.body(), "status") : "";
				if ("PAID".equals(status)) {
					seated++;
				}
				else if ("CANCELLED".equals(status)) {
					refused.incrementAndGet();
				}
				else {
					still.add(o);
				}
			}
			pending = still;
			if (!pending.isEmpty()) {
				Thread.sleep(200);
			}
		}
		other.addAndGet(pending.size());
		String group = Driver.call("GET", "/api/v1/groups/" + groupId, null, null).body();
		System.out.printf("{\"seatsSold\":%d,\"refused\":%d,\"fiveXX\":%d,\"otherErrors\":%d,\"members\":%s,"
				+ "\"groupStatus\":\"%s\"}%n", seated, refused.get(), fiveXX.get(), other.get(),
				Driver.field(group, "members"), Driver.field(group, "status"));
	}

	static String groupOrder(String listing, String sku, String field, String value) {
		String order = Driver.order(listing, sku, 1);
		return order.substring(0, order.length() - 1) + ",\"" + field + "\":\"" + value + "\"}";
	}

	/** Posts the sandbox provider's signed payment.succeeded webhook for a placed order. */
	static HttpResponse<String> pay(String order, String secret) throws Exception {
		String paymentId = Driver.field(order.substring(order.indexOf("\"payment\"")), "id");
		long total = Long.parseLong(Driver.field(order, "total"));
		String event = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment.succeeded\","
				+ "\"paymentId\":\"" + paymentId + "\",\"amount\":" + total + ",\"currency\":\"CNY\"}";
		long t = System.currentTimeMillis() / 1000;
		return Driver.HTTP.send(HttpRequest.newBuilder(URI.create(Driver.base + "/api/v1/payments/webhooks/sandbox"))
			.header("Content-Type", "application/json")
			.header("Sandbox-Signature", "t=" + t + ",v1=" + Driver.hmac(secret, t + "." + event))
			.POST(HttpRequest.BodyPublishers.ofString(event))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
