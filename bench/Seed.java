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

/** Seeds the benchmark: one hot SKU listed by many shops, 1,000 SKUs for the spread, buyers. */
final class Seed {

	private Seed() {
	}

	// ---- seeding -------------------------------------------------------------------------

	/** One hot SKU listed by many shops; 1,000 SKUs in 20 products for the spread; buyers. */
	static void seed(Path out, int shops, int buyers) throws Exception {
		Properties p = new Properties();
		String supplierToken = account("Bench supplier");
		String supplierId = Driver.id(Driver.post("/api/v1/suppliers", supplierToken, "{\"name\":\"Bench supplier\"}", 201));
		String hot = Driver.post("/api/v1/suppliers/" + supplierId + "/products", supplierToken,
				"{\"title\":\"Flash sale tea\",\"description\":\"Hot\",\"imageUrls\":[\"/images/demo/green-tea.svg\"],"
						+ "\"shippingFee\":0,\"skus\":[{\"code\":\"HOT\",\"name\":\"Hot SKU\",\"supplyPrice\":1000,"
						+ "\"minRetailPrice\":1500,\"stock\":5000}]}",
				201);
		String hotProduct = Driver.id(hot);
		String hotSku = Driver.all(hot, "id").get(1);
		String sellerToken = account("Bench seller");
		List<String> hotListings = new ArrayList<>();
		List<String> shopIds = new ArrayList<>();
		for (int i = 0; i < shops; i++) {
			String shop = Driver.id(Driver.post("/api/v1/shops", sellerToken,
					"{\"name\":\"Bench shop " + i + "\",\"slug\":\"bench-" + UUID.randomUUID().toString().substring(0, 8)
							+ "\"}",
					201));
			shopIds.add(shop);
			hotListings.add(Driver.id(Driver.post("/api/v1/shops/" + shop + "/listings", sellerToken,
					"{\"productId\":\"" + hotProduct + "\",\"prices\":[{\"skuId\":\"" + hotSku + "\",\"price\":"
							+ (1500 + i) + "}]}",
					201)));
		}
		List<String> spread = new ArrayList<>();
		for (int prod = 0; prod < 20; prod++) {
			StringBuilder skus = new StringBuilder();
			for (int s = 0; s < 50; s++) {
				skus.append(s == 0 ? "" : ",")
					.append("{\"code\":\"S").append(s).append("\",\"name\":\"Variant ").append(s)
					.append("\",\"supplyPrice\":").append(1000 + s).append(",\"minRetailPrice\":").append(1500 + s)
					.append(",\"stock\":1000000}");
			}
			String product = Driver.post("/api/v1/suppliers/" + supplierId + "/products", supplierToken,
					"{\"title\":\"Tea " + prod + "\",\"description\":\"Spread\",\"imageUrls\":[],\"shippingFee\":600,"
							+ "\"skus\":[" + skus + "]}",
					201);
			List<String> ids = Driver.all(product, "id");
			StringBuilder prices = new StringBuilder();
			for (int s = 1; s < ids.size(); s++) {
				prices.append(s == 1 ? "" : ",").append("{\"skuId\":\"").append(ids.get(s)).append("\",\"price\":")
					.append(2000 + s).append("}");
			}
			String listing = Driver.id(Driver.post("/api/v1/shops/" + shopIds.get(prod % shopIds.size()) + "/listings", sellerToken,
					"{\"productId\":\"" + ids.get(0) + "\",\"prices\":[" + prices + "]}", 201));
			for (int s = 1; s < ids.size(); s++) {
				spread.add(listing + ":" + ids.get(s));
			}
		}
		List<String> buyerTokens = new ArrayList<>();
		for (int i = 0; i < buyers; i++) {
			buyerTokens.add(account("Bench buyer " + i));
		}
		p.setProperty("supplierToken", supplierToken);
		p.setProperty("supplierId", supplierId);
		p.setProperty("sellerToken", sellerToken);
		p.setProperty("hotSku", hotSku);
		p.setProperty("hotListings", String.join(",", hotListings));
		p.setProperty("shops", String.join(",", shopIds));
		p.setProperty("spread", String.join(",", spread));
		p.setProperty("buyers", String.join(",", buyerTokens));
		p.setProperty("listingPage", "/l/" + hotListings.get(0));
		p.setProperty("shareCode", Driver.field(Driver.post("/api/v1/shares", buyerTokens.get(0),
				"{\"listingId\":\"" + hotListings.get(0) + "\",\"channel\":\"wechat\"}", 201), "code"));
		try (var w = Files.newBufferedWriter(out)) {
			p.store(w, "bench seed");
		}
		System.out.println("{\"seeded\":true,\"shops\":" + shops + ",\"buyers\":" + buyers + ",\"skus\":" + spread.size()
				+ "}");
	}

	static String account(String name) throws Exception {
		String phone = "+86137" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		Driver.post("/api/v1/accounts", null,
				"{\"phone\":\"" + phone + "\",\"password\":\"bench-password\",\"name\":\"" + name + "\"}", 201);
		return Driver.field(Driver.post("/api/v1/tokens", null, "{\"phone\":\"" + phone + "\",\"password\":\"bench-password\"}", 201),
				"token");
	}

}
