import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The crash test's client (bench/crash): seeds one supplier, one shop, one listing of two SKUs
 * with known stock and some buyers, then drives checkouts, payments, shipments, receipts and
 * cancellations from a few threads while the script kills the app with SIGKILL and restarts
 * it. It behaves as a careful client and a real payment provider would: a request that got no
 * answer (the app died) is retried, an order with the same Idempotency-Key, a webhook with the
 * same event id until it is acknowledged. Every acknowledged outcome is written, one line each
 * and flushed at once, to the outcome log that bench/crash_report.py checks the database
 * against. Commands:
 * <pre>
 *   seed   BASE OUT.properties BUYERS STOCK
 *   load   BASE SEED.properties LOG STOPFILE SECRET THREADS   (prints a JSON summary at the end)
 *   verify BASE SEED.properties LOG                            (every 201-acknowledged order readable by its buyer)
 * </pre>
 */
public class Crash {

	static final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	static PrintWriter log;

	static final AtomicBoolean stop = new AtomicBoolean();

	public static void main(String[] args) throws Exception {
		Driver.base = args[1];
		switch (args[0]) {
			case "seed" -> seed(Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "load" -> load(Driver.load(args[2]), Path.of(args[3]), Path.of(args[4]), args[5],
					Integer.parseInt(args[6]));
			case "verify" -> verify(Driver.load(args[2]), Path.of(args[3]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	// ---- seeding ---------------------------------------------------------------------------

	static void seed(Path out, int buyers, int stock) throws Exception {
		String supplierToken = Seed.account("Crash supplier");
		String supplierId = Driver.id(Driver.post("/api/v1/suppliers", supplierToken, "{\"name\":\"Crash supplier\"}", 201));
		String product = Driver.post("/api/v1/suppliers/" + supplierId + "/products", supplierToken,
				"{\"title\":\"Crash tea\",\"description\":\"Killed and restarted\",\"imageUrls\":[],\"shippingFee\":500,"
						+ "\"skus\":[{\"code\":\"C1\",\"name\":\"Small\",\"supplyPrice\":1000,\"minRetailPrice\":1500,\"stock\":"
						+ stock + "},{\"code\":\"C2\",\"name\":\"Large\",\"supplyPrice\":1800,\"minRetailPrice\":2500,"
						+ "\"stock\":" + stock + "}]}",
				201);
		List<String> ids = Driver.all(product, "id");
		String sellerToken = Seed.account("Crash seller");
		String shop = Driver.id(Driver.post("/api/v1/shops", sellerToken,
				"{\"name\":\"Crash shop\",\"slug\":\"crash-" + UUID.randomUUID().toString().substring(0, 8) + "\"}", 201));
		String listing = Driver.id(Driver.post("/api/v1/shops/" + shop + "/listings", sellerToken,
				"{\"productId\":\"" + ids.get(0) + "\",\"prices\":[{\"skuId\":\"" + ids.get(1)
						+ "\",\"price\":1990},{\"skuId\":\"" + ids.get(2) + "\",\"price\":2990}]}",
				201));
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < buyers; i++) {
			tokens.add(Seed.account("Crash buyer " + i));
		}
		Properties p = new Properties();
		p.setProperty("supplierToken", supplierToken);
		p.setProperty("supplierId", supplierId);
		p.setProperty("shopId", shop);
		p.setProperty("listingId", listing);
		p.setProperty("skus", ids.get(1) + "," + ids.get(2));
		p.setProperty("stock", Integer.toString(stock));
		p.setProperty("buyers", String.join(",", tokens));
		try (var w = Files.newBufferedWriter(out)) {
			p.store(w, "crash seed");
		}
		System.out.println("{\"seeded\":true,\"skus\":2,\"stockEach\":" + stock + ",\"buyers\":" + buyers + "}");
	}

	// ---- load ------------------------------------------------------------------------------

	record Late(String orderId, String paymentId, long total, String token, long dueAt) implements Delayed {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(dueAt - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public int compareTo(Delayed o) {
			return Long.compare(dueAt, ((Late) o).dueAt);
		}

	}

	static final DelayQueue<Late> late = new DelayQueue<>();

	static void load(Properties p, Path logFile, Path stopFile, String secret, int threads) throws Exception {
		log = new PrintWriter(Files.newBufferedWriter(logFile), true);
		String[] buyers = p.getProperty("buyers").split(",");
		String[] skus = p.getProperty("skus").split(",");
		String listing = p.getProperty("listingId");
		String supplier = p.getProperty("supplierId");
		String supplierToken = p.getProperty("supplierToken");
		long start = System.currentTimeMillis();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int n = t;
			Thread w = new Thread(() -> {
				while (!stop.get()) {
					try {
						checkout(buyers, n, skus, listing, supplier, supplierToken, secret);
					}
					catch (Exception ex) {
						count("flow-aborted:" + ex.getClass().getSimpleName());
					}
				}
			}, "buyer-" + t);
			w.start();
			workers.add(w);
		}
		Thread latePayer = new Thread(() -> {
			while (!stop.get() || !late.isEmpty()) {
				try {
					Late l = late.poll(200, TimeUnit.MILLISECONDS);
					if (l != null) {
						// the order was left unpaid past its payment time: the sweep cancels it, then
						// the money arrives anyway (the buyer paid at the last second): it must go back
						String status = CrashCalls.waitStatus(l.orderId(), l.token(), "CANCELLED", 30_000);
						count("late-payment-on-" + status);
						if (payByWebhook(l.paymentId(), l.total(), secret, false)) {
							log("LATE_PAY_ACK", l.orderId(), l.paymentId(), status);
						}
					}
				}
				catch (Exception ex) {
					count("late-payer-aborted:" + ex.getClass().getSimpleName());
				}
			}
		}, "late-payer");
		latePayer.start();
		while (!Files.exists(stopFile)) {
			Thread.sleep(200);
		}
		long stopAt = System.currentTimeMillis();
		stop.set(true);
		for (Thread w : workers) {
			w.join(120_000);
		}
		latePayer.join(120_000);
		log.flush();
		StringBuilder json = new StringBuilder("{\"seconds\":" + (stopAt - start) / 1000 + ",\"drainSeconds\":"
				+ (System.currentTimeMillis() - stopAt) / 1000 + ",\"threads\":" + threads + ",\"counts\":{");
		Map<String, LongAdder> sorted = new TreeMap<>(counts);
		int i = 0;
		for (var e : sorted.entrySet()) {
			json.append(i++ == 0 ? "" : ",").append('"').append(e.getKey().replace("\"", "'")).append("\":").append(e.getValue().sum());
		}
		System.out.println(json.append("}}"));
	}

	/** One order from placement to receipt (or to a cancellation, or left unpaid). */
	static void checkout(String[] buyers, int thread, String[] skus, String listing, String supplier,
			String supplierToken, String secret) throws Exception {
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		int buyer = (thread + rnd.nextInt(buyers.length)) % buyers.length;
		String token = buyers[buyer];
		StringBuilder items = new StringBuilder();
		int lines = rnd.nextInt(4) == 0 ? 2 : 1;
		int first = rnd.nextInt(2);
		for (int l = 0; l < lines; l++) {
			items.append(l == 0 ? "" : ",").append("{\"skuId\":\"").append(skus[(first + l) % 2])
				.append("\",\"quantity\":").append(1 + rnd.nextInt(3)).append('}');
		}
		String body = "{\"listingId\":\"" + listing + "\",\"items\":[" + items
				+ "],\"shipTo\":{\"name\":\"Crash Buyer\",\"phone\":\"13912345678\",\"address\":\"9 Kill Street\"}}";
		String key = UUID.randomUUID().toString();
		HttpResponse<String> r = CrashCalls.retry("place", () -> CrashCalls.send("POST", "/api/v1/orders", token, body, key));
		if (r == null) {
			return;
		}
		if (r.statusCode() != 201) {
			count("place-" + r.statusCode());
			return;
		}
		String orderId = Driver.id(r.body());
		String paymentId = Driver.field(r.body().substring(r.body().indexOf("\"payment\"")), "id");
		long total = Long.parseLong(Driver.field(r.body(), "total"));
		log("PLACED", orderId, paymentId, buyer + ":" + key);
		int dice = rnd.nextInt(100);
		if (dice < 4) {
			// left unpaid: cancelled by the payment timeout, paid late by half of these
			count("left-unpaid");
			if (dice < 2) {
				late.add(new Late(orderId, paymentId, total, token, System.currentTimeMillis() + 21_000));
			}
			return;
		}
		boolean paid;
		if (dice < 30) {
			paid = payInSandbox(orderId, paymentId, token);
		}
		else {
			paid = payByWebhook(paymentId, total, secret, dice < 40) && CrashCalls.waitStatus(orderId, token, "PAID", 30_000)
				.equals("PAID");
		}
		if (!paid) {
			count("not-paid-in-time");
			return;
		}
		if (dice >= 95) {
			HttpResponse<String> c = CrashCalls.retry("cancel",
					() -> CrashCalls.send("POST", "/api/v1/orders/" + orderId + "/cancel", token, null, null));
			if (c != null && c.statusCode() == 200) {
				log("CANCEL_ACK", orderId, paymentId, "");
			}
			else if (c != null) {
				count("cancel-" + c.statusCode());
			}
			return;
		}
		String tracking = "SF" + System.nanoTime();
		HttpResponse<String> s = CrashCalls.retry("ship", () -> CrashCalls.send("POST",
				"/api/v1/suppliers/" + supplier + "/orders/" + orderId + "/shipments", supplierToken,
				"{\"carrier\":\"SF\",\"trackingNumber\":\"" + tracking + "\"}", null));
		if (s == null) {
			return;
		}
		if (s.statusCode() == 201) {
			log("SHIP_ACK", orderId, paymentId, "");
		}
		else {
			// a retry after the first attempt committed: already shipped is fine
			count("ship-" + s.statusCode());
		}
		if (dice < 70) {
			HttpResponse<String> c = CrashCalls.retry("receive",
					() -> CrashCalls.send("POST", "/api/v1/orders/" + orderId + "/confirm-receipt", token, null, null));
			if (c != null && c.statusCode() == 200) {
				log("RECEIVE_ACK", orderId, paymentId, "");
			}
			else if (c != null) {
				count("receive-" + c.statusCode());
			}
		}
		// else: received automatically after microshop.orders.auto-receive-after
	}

	/** The buyer taps pay; the app's sandbox provider posts the webhook. Taps again if nothing happens. */
	static boolean payInSandbox(String orderId, String paymentId, String token) throws Exception {
		for (int attempt = 0; attempt < 3; attempt++) {
			HttpResponse<String> r = CrashCalls.retry("sandbox-pay",
					() -> CrashCalls.send("POST", "/api/v1/payments/" + paymentId + "/sandbox-pay", token, null, null));
			if (r == null) {
				return false;
			}
			if (r.statusCode() == 200) {
				log("SANDBOX_ACK", orderId, paymentId, Integer.toString(attempt));
			}
			else {
				count("sandbox-pay-" + r.statusCode());
			}
			String status = CrashCalls.waitStatus(orderId, token, "PAID", 8_000);
			if ("PAID".equals(status)) {
				return true;
			}
			if (!"PENDING_PAYMENT".equals(status)) {
				count("sandbox-pay-then-" + status);
				return false;
			}
			count("sandbox-pay-tapped-again");
		}
		return false;
	}

	/**
	 * The provider's side: a signed payment.succeeded with one event id per payment, sent until
	 * the platform acknowledges it with 2xx (after a restart too), and sometimes once more after
	 * that, as providers do.
	 */
	static boolean payByWebhook(String paymentId, long total, String secret, boolean twice) throws Exception {
		String event = "{\"id\":\"evt_crash_" + paymentId + "\",\"type\":\"payment.succeeded\",\"paymentId\":\""
				+ paymentId + "\",\"amount\":" + total + ",\"currency\":\"CNY\"}";
		boolean acked = false;
		for (int delivery = 0; delivery < (twice ? 2 : 1); delivery++) {
			HttpResponse<String> r = CrashCalls.retry("webhook", () -> {
				long t = System.currentTimeMillis() / 1000;
				return Driver.HTTP.send(HttpRequest.newBuilder(URI.create(Driver.base + "/api/v1/payments/webhooks/sandbox"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("Sandbox-Signature", "t=" + t + ",v1=" + Driver.hmac(secret, t + "." + event))
					.POST(HttpRequest.BodyPublishers.ofString(event))
					.build(), HttpResponse.BodyHandlers.ofString());
			});
			if (r != null && r.statusCode() == 200) {
				if (!acked) {
					log("PAY_ACK", "", paymentId, r.body().contains("\"duplicate\":true") ? "dup" : "new");
				}
				else {
					count("webhook-redelivered-" + (r.body().contains("\"duplicate\":true") ? "dup" : "NEW"));
				}
				acked = true;
			}
			else if (r != null) {
				count("webhook-" + r.statusCode());
			}
		}
		return acked;
	}

	static void count(String what) {
		counts.computeIfAbsent(what, k -> new LongAdder()).increment();
	}

	/** One acknowledged outcome: millis, kind, order id, payment id, extra (tab separated). */
	static synchronized void log(String kind, String orderId, String paymentId, String extra) {
		count(kind);
		log.println(System.currentTimeMillis() + "\t" + kind + "\t" + orderId + "\t" + paymentId + "\t" + extra);
	}

	// ---- verify ----------------------------------------------------------------------------

	/** Every order the API acknowledged with 201 is there for its buyer, through the API. */
	static void verify(Properties p, Path logFile) throws Exception {
		String[] buyers = p.getProperty("buyers").split(",");
		int acked = 0;
		int found = 0;
		List<String> missing = new ArrayList<>();
		Map<String, String> keyToOrder = new ConcurrentHashMap<>();
		int keyMismatch = 0;
		for (String line : Files.readAllLines(logFile)) {
			String[] f = line.split("\t", -1);
			if (f.length < 5 || !f[1].equals("PLACED")) {
				continue;
			}
			acked++;
			String[] buyerKey = f[4].split(":", 2);
			String previous = keyToOrder.putIfAbsent(buyerKey[1], f[2]);
			if (previous != null && !previous.equals(f[2])) {
				keyMismatch++;
			}
			HttpResponse<String> r = CrashCalls.send("GET", "/api/v1/orders/" + f[2], buyers[Integer.parseInt(buyerKey[0])], null, null);
			if (r.statusCode() == 200 && f[2].equals(Driver.id(r.body()))) {
				found++;
			}
			else if (missing.size() < 20) {
				missing.add(f[2] + ":" + r.statusCode());
			}
		}
		System.out.println("{\"acked\":" + acked + ",\"foundByApi\":" + found + ",\"idempotencyKeyMismatches\":"
				+ keyMismatch + ",\"missing\":[" + String.join(",", missing.stream().map(m -> "\"" + m + "\"").toList())
				+ "]}");
	}

}
