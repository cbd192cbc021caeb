import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/run --soak: the B2 full path (place, signed webhook, ship, confirm; the scheduler
 * settles) paced at a fixed rate for many minutes. Prints one JSON line per minute: orders
 * placed, place-order p50/p99, errors, and what the app's actuator and /proc said during the
 * minute (heap used at most; heap after GC: G1 old generation + survivors as the last collection
 * left them, at the minute's last sample; connection pool active/pending at most; RSS); then a
 * summary line once the received orders settled.
 */
final class Soak {

	private Soak() {
	}

	record Sample(long at, long latencyNanos) {
	}

	static void soak(Properties p, double rate, int minutes, int clients, String secret, long pid) throws Exception {
		// a driver that dies says why: whatever kills a thread is printed with the minute it happened in
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> {
			System.err.printf("soak driver: %s died: %s%n", thread.getName(), ex);
			ex.printStackTrace();
		});
		String[] spread = p.getProperty("spread").split(",");
		String[] buyers = p.getProperty("buyers").split(",");
		String supplier = p.getProperty("supplierId");
		String supplierToken = p.getProperty("supplierToken");
		long start = System.nanoTime();
		long end = start + minutes * 60_000_000_000L;
		AtomicLong slot = new AtomicLong();
		ConcurrentLinkedQueue<Sample> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger[] placed = counters(minutes);
		AtomicInteger[] fiveXX = counters(minutes);
		AtomicInteger[] other = counters(minutes);
		ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
		AtomicInteger late = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			new Thread(() -> {
				String token = buyers[client % buyers.length];
				try {
					while (true) {
						int minute = 0;
						try {
						// open loop: order n is due at start + n / rate, whoever is free takes it
						long due = start + (long) (slot.getAndIncrement() * 1e9 / rate);
						if (due >= end || System.nanoTime() >= end) {
							// slots left over when the time is up are not made up afterwards: they are late, not placed
							break;
						}
						long wait = due - System.nanoTime();
						if (wait > 0) {
							Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
						else if (wait < -1_000_000_000L) {
							late.incrementAndGet();
						}
						minute = (int) Math.min(minutes - 1, (System.nanoTime() - start) / 60_000_000_000L);
						String[] target = spread[ThreadLocalRandom.current().nextInt(spread.length)].split(":");
						long t0 = System.nanoTime();
						HttpResponse<String> r = Driver.call("POST", "/api/v1/orders", token,
								Driver.order(target[0], target[1], 1, client % buyers.length));
						latencies.add(new Sample(t0, System.nanoTime() - t0));
						if (!Driver.ok(r, 201, fiveXX[minute], other[minute])) {
							continue;
						}
						placed[minute].incrementAndGet();
						String orderId = Driver.id(r.body());
						String paymentId = Driver.field(r.body().substring(r.body().indexOf("\"payment\"")), "id");
						long total = Long.parseLong(Driver.field(r.body(), "total"));
						String event = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment.succeeded\","
								+ "\"paymentId\":\"" + paymentId + "\",\"amount\":" + total + ",\"currency\":\"CNY\"}";
						long t = System.currentTimeMillis() / 1000;
						HttpResponse<String> hook = Driver.HTTP.send(HttpRequest.newBuilder(URI.create(Driver.base
								+ "/api/v1/payments/webhooks/sandbox"))
							.header("Content-Type", "application/json")
							.header("Sandbox-Signature", "t=" + t + ",v1=" + Driver.hmac(secret, t + "." + event))
							.POST(HttpRequest.BodyPublishers.ofString(event))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (!Driver.ok(hook, 200, fiveXX[minute], other[minute])) {
							continue;
						}
						if (!Driver.awaitStatus(orderId, token, "PAID")) {
							other[minute].incrementAndGet();
							continue;
						}
						HttpResponse<String> ship = Driver.call("POST",
								"/api/v1/suppliers/" + supplier + "/orders/" + orderId + "/shipments", supplierToken,
								"{\"carrier\":\"SF\",\"trackingNumber\":\"SF" + t + "\"}");
						if (!Driver.ok(ship, 201, fiveXX[minute], other[minute])) {
							continue;
						}
						HttpResponse<String> receive = Driver.call("POST", "/api/v1/orders/" + orderId + "/confirm-receipt",
								token, null);
						if (Driver.ok(receive, 200, fiveXX[minute], other[minute])) {
							received.add(orderId + ":" + token);
						}
						}
						catch (java.io.IOException ex) {
							other[minute].incrementAndGet();
						}
					}
				}
				catch (Exception ex) {
					other[0].incrementAndGet();
					System.err.println("soak driver: a client stopped early: " + ex);
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		// the app's figures, every 5 s: heap used, heap after GC, pool, RSS; reported per minute
		long[][] perMinute = new long[minutes][6];
		for (int m = 0; m < minutes; m++) {
			perMinute[m][3] = -1;
		}
		Thread sampler = new Thread(() -> {
			while (System.nanoTime() < end) {
				int m = (int) Math.min(minutes - 1, (System.nanoTime() - start) / 60_000_000_000L);
				long heap = metric("jvm.memory.used?tag=area:heap");
				long old = metric("jvm.memory.used?tag=id:G1%20Old%20Gen");
				long survivor = metric("jvm.memory.used?tag=id:G1%20Survivor%20Space");
				long live = old < 0 || survivor < 0 ? -1 : old + survivor;
				long active = metric("hikaricp.connections.active");
				long pending = metric("hikaricp.connections.pending");
				long rss = rss(pid);
				synchronized (perMinute) {
					perMinute[m][0] = Math.max(perMinute[m][0], heap);
					perMinute[m][1] = live >= 0 ? live : perMinute[m][1];
					perMinute[m][2] = Math.max(perMinute[m][2], active);
					perMinute[m][3] = Math.max(perMinute[m][3], pending);
					perMinute[m][4] = Math.max(perMinute[m][4], rss);
					perMinute[m][5]++;
				}
				try {
					Thread.sleep(5_000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		for (int m = 0; m < minutes; m++) {
			long minuteEnd = start + (m + 1) * 60_000_000_000L;
			long wait = minuteEnd - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000);
			}
			Thread.sleep(1_500); // the minute's last requests come back
			long from = start + m * 60_000_000_000L;
			long[] lat = latencies.stream()
				.filter(s -> s.at() >= from && s.at() < minuteEnd)
				.mapToLong(Sample::latencyNanos)
				.sorted()
				.toArray();
			long[] f;
			synchronized (perMinute) {
				f = perMinute[m].clone();
			}
			System.out.printf("{\"kind\":\"minute\",\"minute\":%d,\"placed\":%d,\"ordersPerSec\":%.1f,\"p50Ms\":%.2f,"
					+ "\"p99Ms\":%.2f,\"fiveXX\":%d,\"otherErrors\":%d,\"heapUsedMb\":%.1f,\"heapAfterGcMb\":%.1f,"
					+ "\"poolActiveMax\":%d,\"poolPendingMax\":%d,\"rssMb\":%d,\"samples\":%d}%n", m + 1, placed[m].get(),
					placed[m].get() / 60.0, Driver.pct(lat, 50), Driver.pct(lat, 99), fiveXX[m].get(), other[m].get(),
					f[0] / 1048576.0, f[1] / 1048576.0, f[2], f[3], f[4] / 1024, f[5]);
			System.out.flush();
		}
		done.await();
		int window = Math.max(1, Math.min(5, minutes / 2));
		long firstEnd = start + window * 60_000_000_000L;
		long lastFrom = end - window * 60_000_000_000L;
		long[] first = latencies.stream().filter(s -> s.at() < firstEnd).mapToLong(Sample::latencyNanos).sorted().toArray();
		long[] last = latencies.stream().filter(s -> s.at() >= lastFrom).mapToLong(Sample::latencyNanos).sorted().toArray();
		// the scheduler settles what was received
		int settled = 0;
		long deadline = System.currentTimeMillis() + 90_000;
		List<String> pending = new ArrayList<>(received);
		while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
			List<String> still = new ArrayList<>();
			for (String o : pending) {
				String[] parts = o.split(":");
				if ("SETTLED".equals(Driver.field(Driver.call("GET", "/api/v1/orders/" + parts[0], parts[1], null).body(), "status"))) {
					settled++;
				}
				else {
					still.add(o);
				}
			}
			pending = still;
			if (!pending.isEmpty()) {
				Thread.sleep(500);
			}
		}
		int total = 0;
		int errors = 0;
		for (int m = 0; m < minutes; m++) {
			total += placed[m].get();
			errors += fiveXX[m].get();
		}
		System.out.printf("{\"kind\":\"summary\",\"minutes\":%d,\"targetRate\":%.1f,\"achievedRate\":%.1f,\"placed\":%d,"
				+ "\"received\":%d,\"settled\":%d,\"fiveXX\":%d,\"lateSlots\":%d,\"driftWindowMinutes\":%d,"
				+ "\"firstP99Ms\":%.2f,\"lastP99Ms\":%.2f,\"p99Drift\":%.3f}%n", minutes, rate, total / (minutes * 60.0),
				total, received.size(), settled, errors, late.get(), window, Driver.pct(first, 99), Driver.pct(last, 99),
				Driver.pct(first, 99) == 0 ? 0 : Driver.pct(last, 99) / Driver.pct(first, 99));
	}

	private static AtomicInteger[] counters(int n) {
		AtomicInteger[] a = new AtomicInteger[n];
		for (int i = 0; i < n; i++) {
			a[i] = new AtomicInteger();
		}
		return a;
	}

	/** One actuator measurement (its first value), -1 when unavailable. */
	static long metric(String name) {
		try {
			HttpResponse<String> r = Driver.call("GET", "/actuator/metrics/" + name, null, null);
			if (r.statusCode() != 200) {
				return -1;
			}
			String body = r.body();
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"value\"\\s*:\\s*(-?[0-9.]+(E-?[0-9]+)?)")
				.matcher(body.substring(body.indexOf("\"measurements\"")));
			return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
		}
		catch (Exception ex) {
			return -1;
		}
	}

	static long rss(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (Exception ex) {
			// gone
		}
		return -1;
	}

}
