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

/**
 * The benchmark's load driver for write paths: plain java.net.http, bounded threads, no
 * framework; bench/run compiles it with {@link Seed} and {@link GroupSeat}. Prints one
 * JSON object per command on stdout.
 */
public class Driver {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static String base;

	public static void main(String[] args) throws Exception {
		base = args[1];
		switch (args[0]) {
			case "seed" -> Seed.seed(Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "b1" -> b1(load(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "b2" -> b2(load(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]);
			case "b5" -> GroupSeat.b5(load(args[2]), Integer.parseInt(args[3]), args[4]);
			case "place" -> place(load(args[2]), Integer.parseInt(args[3]));
			case "spread" -> spread(load(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "soak" -> Soak.soak(load(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]), args[6], Long.parseLong(args[7]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	// ---- B1: hot SKU ---------------------------------------------------------------------

	static void b1(Properties p, int clients, int stock) throws Exception {
		String[] listings = p.getProperty("hotListings").split(",");
		String[] buyers = p.getProperty("buyers").split(",");
		String sku = p.getProperty("hotSku");
		call("PATCH", "/api/v1/suppliers/" + p.getProperty("supplierId") + "/skus/" + sku,
				p.getProperty("supplierToken"), "{\"stock\":" + stock + "}");
		AtomicInteger placed = new AtomicInteger();
		AtomicInteger outOfStock = new AtomicInteger();
		AtomicInteger fiveXX = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
		CountDownLatch done = new CountDownLatch(clients);
		long start = System.nanoTime();
		AtomicInteger lastOk = new AtomicInteger();
		for (int c = 0; c < clients; c++) {
			int client = c;
			new Thread(() -> {
				long[] mine = new long[stock + 16];
				int n = 0;
				try {
					int misses = 0;
					while (misses < 1) {
						String listing = listings[ThreadLocalRandom.current().nextInt(listings.length)];
						long t0 = System.nanoTime();
						HttpResponse<String> r = call("POST", "/api/v1/orders", buyers[client % buyers.length],
								order(listing, sku, 1, client % buyers.length));
						long t1 = System.nanoTime();
						if (n < mine.length) {
							mine[n++] = t1 - t0;
						}
						if (r.statusCode() == 201) {
							placed.incrementAndGet();
							lastOk.set((int) ((t1 - start) / 1_000_000));
						}
						else if (r.statusCode() == 409 && r.body().contains("/out-of-stock")) {
							outOfStock.incrementAndGet();
							misses++;
						}
						else if (r.statusCode() >= 500) {
							fiveXX.incrementAndGet();
						}
						else {
							other.incrementAndGet();
							misses++;
						}
					}
				}
				catch (Exception ex) {
					other.incrementAndGet();
				}
				finally {
					latencies.add(Arrays.copyOf(mine, n));
					done.countDown();
				}
			}).start();
		}
		done.await();
		double seconds = Math.max(1, lastOk.get()) / 1000.0;
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		int stockLeft = Integer.parseInt(field(call("GET", "/api/v1/listings/" + listings[0], null, null).body(),
				"available"));
		System.out.printf(
				"{\"orders\":%d,\"seconds\":%.3f,\"ordersPerSec\":%.1f,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"stock\":%d,"
						+ "\"stockLeft\":%d,\"oversold\":%d,\"rejectedOutOfStock\":%d,\"fiveXX\":%d,\"otherErrors\":%d}%n",
				placed.get(), seconds, placed.get() / seconds, pct(all, 50), pct(all, 99), stock, stockLeft,
				Math.max(0, placed.get() - stock) + Math.max(0, -stockLeft), outOfStock.get(), fiveXX.get(),
				other.get());
	}

	// ---- B2: checkout through settlement ------------------------------------------------

	static void b2(Properties p, int clients, int seconds, String secret) throws Exception {
		String[] spread = p.getProperty("spread").split(",");
		String[] buyers = p.getProperty("buyers").split(",");
		String supplier = p.getProperty("supplierId");
		String supplierToken = p.getProperty("supplierToken");
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger placed = new AtomicInteger();
		AtomicInteger received = new AtomicInteger();
		AtomicInteger fiveXX = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		ConcurrentLinkedQueue<Long> placeLatency = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> orders = new ConcurrentLinkedQueue<>();
		CountDownLatch done = new CountDownLatch(clients);
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int client = c;
			new Thread(() -> {
				String token = buyers[client % buyers.length];
				try {
					while (!stop.get()) {
						String[] target = spread[ThreadLocalRandom.current().nextInt(spread.length)].split(":");
						long t0 = System.nanoTime();
						HttpResponse<String> r = call("POST", "/api/v1/orders", token,
								order(target[0], target[1], 1, client % buyers.length));
						placeLatency.add(System.nanoTime() - t0);
						if (!ok(r, 201, fiveXX, other)) {
							continue;
						}
						placed.incrementAndGet();
						String orderId = id(r.body());
						String paymentId = field(r.body().substring(r.body().indexOf("\"payment\"")), "id");
						long total = Long.parseLong(field(r.body(), "total"));
						String event = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment.succeeded\","
								+ "\"paymentId\":\"" + paymentId + "\",\"amount\":" + total + ",\"currency\":\"CNY\"}";
						long t = System.currentTimeMillis() / 1000;
						HttpResponse<String> hook = HTTP.send(HttpRequest.newBuilder(URI.create(base
								+ "/api/v1/payments/webhooks/sandbox"))
							.header("Content-Type", "application/json")
							.header("Sandbox-Signature", "t=" + t + ",v1=" + hmac(secret, t + "." + event))
							.POST(HttpRequest.BodyPublishers.ofString(event))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (!ok(hook, 200, fiveXX, other)) {
							continue;
						}
						if (!awaitStatus(orderId, token, "PAID")) {
							other.incrementAndGet();
							continue;
						}
						HttpResponse<String> ship = call("POST",
								"/api/v1/suppliers/" + supplier + "/orders/" + orderId + "/shipments", supplierToken,
								"{\"carrier\":\"SF\",\"trackingNumber\":\"SF" + t + "\"}");
						if (!ok(ship, 201, fiveXX, other)) {
							continue;
						}
						HttpResponse<String> receive = call("POST", "/api/v1/orders/" + orderId + "/confirm-receipt",
								token, null);
						if (ok(receive, 200, fiveXX, other)) {
							received.incrementAndGet();
							orders.add(orderId + ":" + token);
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
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		done.await();
		// settlement runs on the app's scheduler (protection window 0 in the benchmark)
		int settled = 0;
		long deadline = System.currentTimeMillis() + 60_000;
		List<String> pending = new ArrayList<>(orders);
		while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
			List<String> still = new ArrayList<>();
			for (String o : pending) {
				String[] parts = o.split(":");
				String status = field(call("GET", "/api/v1/orders/" + parts[0], parts[1], null).body(), "status");
				if ("SETTLED".equals(status)) {
					settled++;
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
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] lat = placeLatency.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf(
				"{\"placed\":%d,\"received\":%d,\"settled\":%d,\"seconds\":%.2f,\"settledPerSec\":%.1f,"
						+ "\"placedPerSec\":%.1f,\"placeP50Ms\":%.2f,\"placeP99Ms\":%.2f,\"fiveXX\":%d,\"otherErrors\":%d}%n",
				placed.get(), received.get(), settled, elapsed, settled / elapsed, placed.get() / (double) seconds,
				pct(lat, 50), pct(lat, 99), fiveXX.get(), other.get());
	}

	static boolean awaitStatus(String orderId, String token, String status) throws Exception {
		for (int i = 0; i < 400; i++) {
			if (status.equals(field(call("GET", "/api/v1/orders/" + orderId, token, null).body(), "status"))) {
				return true;
			}
			Thread.sleep(5);
		}
		return false;
	}

	// ---- B2 place-order only, spread over many SKUs ------------------------------------------

	static void spread(Properties p, int clients, int seconds) throws Exception {
		String[] spread = p.getProperty("spread").split(",");
		String[] buyers = p.getProperty("buyers").split(",");
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger placed = new AtomicInteger();
		AtomicInteger fiveXX = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		ConcurrentLinkedQueue<Long> latency = new ConcurrentLinkedQueue<>();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			new Thread(() -> {
				try {
					while (!stop.get()) {
						String[] target = spread[ThreadLocalRandom.current().nextInt(spread.length)].split(":");
						long t0 = System.nanoTime();
						HttpResponse<String> r = call("POST", "/api/v1/orders", buyers[client % buyers.length],
								order(target[0], target[1], 1, client % buyers.length));
						latency.add(System.nanoTime() - t0);
						if (ok(r, 201, fiveXX, other)) {
							placed.incrementAndGet();
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
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		done.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] lat = latency.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("{\"orders\":%d,\"seconds\":%.2f,\"ordersPerSec\":%.1f,\"p50Ms\":%.2f,\"p99Ms\":%.2f,"
				+ "\"fiveXX\":%d,\"otherErrors\":%d}%n", placed.get(), elapsed, placed.get() / elapsed, pct(lat, 50),
				pct(lat, 99), fiveXX.get(), other.get());
	}

	// ---- place N orders one by one (for counting SQL statements) ---------------------------

	static void place(Properties p, int n) throws Exception {
		String[] spread = p.getProperty("spread").split(",");
		String token = p.getProperty("buyers").split(",")[0];
		int ok = 0;
		for (int i = 0; i < n; i++) {
			String[] target = spread[i % spread.length].split(":");
			if (call("POST", "/api/v1/orders", token, order(target[0], target[1], 1)).statusCode() == 201) {
				ok++;
			}
		}
		System.out.println("{\"placed\":" + ok + "}");
	}

	// ---- helpers -------------------------------------------------------------------------

	static String order(String listing, String sku, int quantity) {
		return order(listing, sku, quantity, 0);
	}

	/**
	 * An order of buyer number {@code buyer}, shipped to that buyer's own flat: many accounts
	 * shipping to one address is a fraud signal (SHARED_ADDRESS), not the steady state measured.
	 */
	static String order(String listing, String sku, int quantity, int buyer) {
		return "{\"listingId\":\"" + listing + "\",\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":" + quantity
				+ "}],\"shipTo\":{\"name\":\"Bench Buyer\",\"phone\":\"13912345678\",\"address\":\"Flat " + buyer
				+ ", 1 Load Road\"}}";
	}

	static boolean ok(HttpResponse<String> r, int expected, AtomicInteger fiveXX, AtomicInteger other) {
		if (r.statusCode() == expected) {
			return true;
		}
		if (r.statusCode() >= 500) {
			fiveXX.incrementAndGet();
		}
		else {
			other.incrementAndGet();
		}
		return false;
	}

	static String post(String path, String token, String body, int expected) throws Exception {
		HttpResponse<String> r = call("POST", path, token, body);
		if (r.statusCode() != expected) {
			throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	static HttpResponse<String> call(String method, String path, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			b.header("Content-Type", "application/json");
		}
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		if ("POST".equals(method) && "/api/v1/orders".equals(path)) {
			b.header("Idempotency-Key", UUID.randomUUID().toString());
		}
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	static Properties load(String file) throws IOException {
		Properties p = new Properties();
		try (var r = Files.newBufferedReader(Path.of(file))) {
			p.load(r);
		}
		return p;
	}

	static String id(String json) {
		return field(json, "id");
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+|true|false|null))").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(2) != null ? m.group(2) : m.group(3);
	}

	static List<String> all(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		List<String> values = new ArrayList<>();
		while (m.find()) {
			values.add(m.group(1));
		}
		return values;
	}

	static double pct(long[] sortedNanos, int pct) {
		if (sortedNanos.length == 0) {
			return 0;
		}
		int i = (int) Math.ceil(pct / 100.0 * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
	}

	static String hmac(String secret, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

}
