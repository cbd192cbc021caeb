package io.microshop.ledger;

import static io.microshop.support.LedgerRows.postings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.NewProduct;
import io.microshop.catalog.Product;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.Identity;
import io.microshop.ordering.OrderLifecycle;
import io.microshop.ordering.OrderStatus;
import io.microshop.ordering.OrderView;
import io.microshop.ordering.Ordering;
import io.microshop.ordering.PlaceOrder;
import io.microshop.payment.Payments;
import io.microshop.shop.Listing;
import io.microshop.shop.NewListing;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Generated order histories (pay, cancel, ship, receive, settle, timeouts) with random
 * prices, quantities and fees, checked after every history: each transaction sums to zero,
 * the trial balance is zero, and a settled order's split is the rule to the fen. The seed is
 * printed; replay a failure with {@code -Dledger.seed=<seed>}.
 */
class LedgerPropertyTest extends AppTest {

	static final int HISTORIES = Integer.getInteger("ledger.histories", 1_000);

	@Autowired
	Identity identity;

	@Autowired
	Catalog catalog;

	@Autowired
	Shops shops;

	@Autowired
	Ordering ordering;

	@Autowired
	OrderLifecycle lifecycle;

	@Autowired
	Payments payments;

	@Autowired
	Ledger ledger;

	@Test
	void everyHistoryKeepsTheBooksBalancedAndSplitsByTheRule() {
		long seed = Long.getLong("ledger.seed", System.nanoTime());
		System.out.println("LedgerPropertyTest seed: " + seed + " (replay with -Dledger.seed=" + seed + ")");
		Random random = new Random(seed);
		AccountPrincipal supplierOwner = account();
		AccountPrincipal seller = account();
		AccountPrincipal buyer = account();
		Supplier supplier = catalog.registerSupplier(supplierOwner, "Property supplier");
		Shop shop = shops.open(seller, "Property shop", "prop-" + Long.toString(Math.abs(seed) % 1_000_000_000L, 36)
				+ "-" + Long.toString(System.nanoTime() % 100_000, 36));

		for (int h = 0; h < HISTORIES; h++) {
			String history = "seed " + seed + ", history " + h;
			Listing listing = randomListing(random, supplier, supplierOwner, shop, seller);
			Listing.ListedSku sku = listing.skus().get(0);
			int quantity = 1 + random.nextInt(5);
			OrderView order = ordering.place(buyer,
					new PlaceOrder(listing.id(), List.of(new PlaceOrder.Item(sku.id(), quantity)),
							new PlaceOrder.ShipTo("Buyer", "13912345678", "Road 1"), null, null, null),
					random.nextBoolean() ? "key-" + UUID.randomUUID() : null);
			UUID id = order.id();

			switch (random.nextInt(4)) {
				case 0 -> timeOut(id);
				case 1 -> lifecycle.cancel(id, buyer);
				default -> {
					pay(order);
					if (random.nextInt(5) == 0) {
						lifecycle.cancel(id, buyer);
					}
					else {
						lifecycle.ship(supplier.id(), id, supplierOwner, "SF", "SF" + h);
						if (random.nextBoolean()) {
							lifecycle.confirmReceipt(id, buyer);
						}
						else {
							clock.advance(Duration.ofDays(7).plusMinutes(1));
							lifecycle.autoReceive();
						}
						clock.advance(Duration.ofDays(7).plusMinutes(1));
						lifecycle.settleDue();
					}
				}
			}
			OrderView end = ordering.order(id, buyer);
			assertThat(end.status()).as(history).isIn(OrderStatus.CANCELLED, OrderStatus.SETTLED);
			assertThat(ledger.unbalancedTransactions()).as(history).isEmpty();
			TrialBalance trial = ledger.trialBalance();
			assertThat(trial.sum()).as(history).isZero();
			assertThat(trial.balanced()).as(history).isTrue();
			if (end.status() == OrderStatus.SETTLED) {
				assertSplitFollowsTheRule(history, end, sku.supplyPrice(), quantity, listing.shippingFee());
			}
			else {
				assertThat(postings(jdbc, Ledger.SETTLEMENT, id)).as(history).isEmpty();
				long net = postings(jdbc, Ledger.PAYMENT, id).values().stream().mapToLong(Long::longValue).sum();
				assertThat(net).as(history).isZero();
			}
		}
	}

	private void assertSplitFollowsTheRule(String history, OrderView order, long supplyPrice, int quantity,
			long shippingFee) {
		long goods = order.goodsTotal();
		long supplierPart = supplyPrice * quantity + shippingFee;
		long fee = goods * 200 / 10_000;
		long sellerPart = order.total() - supplierPart - fee;
		Map<String, Long> settled = postings(jdbc, Ledger.SETTLEMENT, order.id());
		assertThat(settled.getOrDefault(LedgerAccounts.supplier(order.supplierId()), 0L)).as(history).isEqualTo(supplierPart);
		assertThat(settled.getOrDefault(LedgerAccounts.PLATFORM_FEES, 0L)).as(history).isEqualTo(fee);
		assertThat(settled.getOrDefault(LedgerAccounts.shop(order.shopId()), 0L)).as(history).isEqualTo(sellerPart);
		assertThat(supplierPart + fee + sellerPart).as(history).isEqualTo(order.total());
	}

	private void pay(OrderView order) {
		payments.succeeded("evt_" + UUID.randomUUID(), "payment.succeeded", order.payment().id(), order.total(),
				order.currency(), "{}");
		lifecycle.paymentSucceeded(order.id());
	}

	private void timeOut(UUID orderId) {
		clock.advance(Duration.ofMinutes(16));
		lifecycle.cancelOverdueUnpaid();
	}

	private Listing randomListing(Random random, Supplier supplier, AccountPrincipal supplierOwner, Shop shop,
			AccountPrincipal seller) {
		long supply = random.nextInt(50_000);
		long floor = supply + 1 + random.nextInt(50_000);
		long price = floor + random.nextInt(random.nextBoolean() ? 100 : 100_000);
		long shipping = random.nextInt(4) == 0 ? 0 : random.nextInt(2_000);
		Product product = catalog.publish(supplier.id(), supplierOwner, new NewProduct("Item", "", List.of(), shipping,
				List.of(new NewProduct.NewSku("S", "One", supply, floor, 1_000))));
		return shops.list(shop.id(), seller,
				new NewListing(product.id(), List.of(new NewListing.SkuPrice(product.skus().get(0).id(), price))));
	}

	private AccountPrincipal account() {
		return identity.register(Scenario.newPhone(), "password-123", "Property");
	}

}
