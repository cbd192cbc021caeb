package io.microshop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/** Builds the cast of a test (supplier, seller, buyer) through the public API only. */
public class Scenario {

	private static final AtomicLong PHONES = new AtomicLong(
			ThreadLocalRandom.current().nextLong(10_000_000L, 89_000_000L));

	private static final AtomicLong FLATS = new AtomicLong();

	private final Api api;

	public Scenario(Api api) {
		this.api = api;
	}

	/** A fresh, plausible mainland China mobile number. */
	public static String newPhone() {
		return "+86139" + PHONES.incrementAndGet();
	}

	public User user() {
		String phone = newPhone();
		var created = api.post("/api/v1/accounts", null, Api.map("phone", phone, "password", "password-123", "name", "Tester"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new User(created.id(), phone, token(phone, "password-123"));
	}

	public String token(String phone, String password) {
		var token = api.post("/api/v1/tokens", null, Api.map("phone", phone, "password", password));
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		return token.text("token");
	}

	public String operatorToken() {
		return token(AppTest.OPERATOR_PHONE, AppTest.OPERATOR_PASSWORD);
	}

	/** A supplier with one product of one SKU. */
	public Product product(User owner, long supplyPrice, long minRetailPrice, int stock, long shippingFee) {
		var supplier = api.post("/api/v1/suppliers", owner.token(), Api.map("name", "Supplier " + owner.phone()));
		assertThat(supplier.status()).as(supplier.toString()).isEqualTo(201);
		var product = api.post("/api/v1/suppliers/" + supplier.id() + "/products", owner.token(),
				Api.map("title", "Oolong tea", "description", "Spring harvest", "imageUrls", List.of(), "shippingFee",
						shippingFee, "skus", List.of(Api.map("code", "T-100", "name", "100 g", "supplyPrice", supplyPrice,
								"minRetailPrice", minRetailPrice, "stock", stock))));
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		JsonNode sku = product.json().get("skus").get(0);
		return new Product(supplier.id(), product.id(), sku.get("id").asString(), owner);
	}

	public Shop shop(User owner) {
		String slug = "shop-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		var shop = api.post("/api/v1/shops", owner.token(), Api.map("name", "Shop " + slug, "slug", slug));
		assertThat(shop.status()).as(shop.toString()).isEqualTo(201);
		return new Shop(shop.id(), slug, owner);
	}

	public String list(Shop shop, Product product, long price) {
		var listing = api.post("/api/v1/shops/" + shop.id() + "/listings", shop.owner().token(), Api.map("productId",
				product.productId(), "prices", List.of(Api.map("skuId", product.skuId(), "price", price))));
		assertThat(listing.status()).as(listing.toString()).isEqualTo(201);
		return listing.id();
	}

	/** A complete little market: supplier product, shop listing it, ready to buy. */
	public Market market(long supplyPrice, long floor, long price, int stock, long shippingFee) {
		User supplier = user();
		Product product = product(supplier, supplyPrice, floor, stock, shippingFee);
		User seller = user();
		Shop shop = shop(seller);
		return new Market(product, shop, list(shop, product, price));
	}

	/**
	 * An order of one SKU. Every body ships to an address of its own (a flat of one building),
	 * as different buyers' orders do: one address shared by many accounts is a fraud signal.
	 */
	public Map<String, Object> orderBody(String listingId, String skuId, int quantity) {
		return Api.map("listingId", listingId, "items", List.of(Api.map("skuId", skuId, "quantity", quantity)),
				"shipTo", Api.map("name", "Li Lei", "phone", "13912345678", "address",
						"Flat " + FLATS.incrementAndGet() + ", 1 Garden Road, Hangzhou"));
	}

	public Api.Response order(User buyer, Market market, int quantity) {
		return api.post("/api/v1/orders", buyer.token(), orderBody(market.listingId(), market.product().skuId(), quantity));
	}

	/** Pays through the sandbox and waits until the webhook made the order PAID. */
	public void pay(User buyer, Api.Response order) {
		String paymentId = order.json().get("payment").get("id").asString();
		var paid = api.post("/api/v1/payments/" + paymentId + "/sandbox-pay", buyer.token(), null);
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		awaitStatus(buyer, order.id(), "PAID");
	}

	/** A paid order of the market: placed by the buyer, then paid through the sandbox. */
	public Api.Response paidOrder(User buyer, Market market, int quantity) {
		return paidOrder(buyer, orderBody(market.listingId(), market.product().skuId(), quantity));
	}

	/** Places an order of this body (a share code, an address of its own), then pays it. */
	public Api.Response paidOrder(User buyer, Map<String, Object> body) {
		var order = api.post("/api/v1/orders", buyer.token(), body);
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		pay(buyer, order);
		return order;
	}

	/** The market's supplier ships the paid order. */
	public Api.Response ship(Market market, String orderId) {
		return ship(market, orderId, "SF1");
	}

	/** The market's supplier ships the paid order under this tracking number. */
	public Api.Response ship(Market market, String orderId, String trackingNumber) {
		var shipped = api.post("/api/v1/suppliers/" + market.product().supplierId() + "/orders/" + orderId
				+ "/shipments", market.supplier().token(),
				Api.map("carrier", "SF Express", "trackingNumber", trackingNumber));
		assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
		return shipped;
	}

	/** The buyer confirms the shipped order arrived. */
	public Api.Response receive(User buyer, String orderId) {
		var received = api.post("/api/v1/orders/" + orderId + "/confirm-receipt", buyer.token(), null);
		assertThat(received.status()).as(received.toString()).isEqualTo(200);
		return received;
	}

	public JsonNode awaitStatus(User viewer, String orderId, String status) {
		long deadline = System.currentTimeMillis() + 10_000;
		JsonNode last = null;
		while (System.currentTimeMillis() < deadline) {
			last = api.get("/api/v1/orders/" + orderId, viewer.token()).json();
			if (status.equals(last.get("status").asString())) {
				return last;
			}
			sleep(50);
		}
		throw new AssertionError("order " + orderId + " never became " + status + ": " + last);
	}

	public static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public record User(String id, String phone, String token) {
	}

	public record Product(String supplierId, String productId, String skuId, User owner) {
	}

	public record Shop(String id, String slug, User owner) {
	}

	public record Market(Product product, Shop shop, String listingId) {

		public User supplier() {
			return product.owner();
		}

		public User seller() {
			return shop.owner();
		}

	}

}
