package io.microshop.demo;

import java.util.List;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.NewProduct;
import io.microshop.catalog.NewProduct.NewSku;
import io.microshop.catalog.Product;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.Identity;
import io.microshop.shop.NewListing;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Seeds the demo once (the data directory keeps it) and prints the demo sign-ins at every start. */
@Component
@Order(10)
@ConditionalOnProperty(name = "microshop.demo-data", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

	static final String SUPPLIER_PHONE = "+8613900000001";

	static final String SELLER_PHONE = "+8613900000002";

	static final String BUYER_PHONE = "+8613900000003";

	static final String PASSWORD = "demo-password";

	static final String SHOP_SLUG = "demo-tea";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Identity identity;

	private final Catalog catalog;

	private final Shops shops;

	DemoData(Identity identity, Catalog catalog, Shops shops) {
		this.identity = identity;
		this.catalog = catalog;
		this.shops = shops;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (shops.bySlug(SHOP_SLUG).isEmpty()) {
			seed();
		}
		log.info("""

				  microshop demo is ready: http://localhost:8080/s/{}
				  Sign in on the web with a phone number and the code shown at /dev/inbox, or use the API with:
				    supplier  {}  password {}
				    seller    {}  password {}
				    buyer     {}  password {}
				""", SHOP_SLUG, SUPPLIER_PHONE, PASSWORD, SELLER_PHONE, PASSWORD, BUYER_PHONE, PASSWORD);
	}

	private void seed() {
		AccountPrincipal supplierOwner = identity.register(SUPPLIER_PHONE, PASSWORD, "Wang (Yunnan Tea Garden)");
		AccountPrincipal seller = identity.register(SELLER_PHONE, PASSWORD, "Xiao Mei");
		identity.register(BUYER_PHONE, PASSWORD, "Li Lei");
		Supplier supplier = catalog.registerSupplier(supplierOwner, "Yunnan Tea Garden");
		Shop shop = shops.open(seller, "Xiao Mei's Tea Corner", SHOP_SLUG);
		List<Product> products = List.of(
				catalog.publish(supplier.id(), supplierOwner, new NewProduct("West Lake Longjing green tea",
						"Pan-fired spring green tea from Hangzhou: chestnut aroma, sweet finish.",
						List.of("/images/demo/green-tea.svg"), 800L,
						List.of(new NewSku("LJ-100", "100 g tin", 4_800L, 6_800L, 200),
								new NewSku("LJ-250", "250 g tin", 11_000L, 15_800L, 120)))),
				catalog.publish(supplier.id(), supplierOwner, new NewProduct("Anxi Tieguanyin oolong",
						"Rolled oolong with an orchid nose, good for many infusions.", List.of("/images/demo/oolong.svg"),
						800L, List.of(new NewSku("TG-125", "125 g pouch", 3_600L, 5_200L, 300)))),
				catalog.publish(supplier.id(), supplierOwner, new NewProduct("Aged Pu-erh cake",
						"A 357 g cake of ripe Pu-erh, pressed in 2019.", List.of("/images/demo/pu-erh.svg"), 0L,
						List.of(new NewSku("PE-357", "357 g cake", 9_800L, 12_800L, 80)))),
				catalog.publish(supplier.id(), supplierOwner, new NewProduct("Wild mountain honey",
						"Raw honey from the tea hills.", List.of("/images/demo/honey.svg"), 1_000L,
						List.of(new NewSku("HN-500", "500 g jar", 3_000L, 4_500L, 150)))));
		for (Product product : products) {
			shops.list(shop.id(), seller, new NewListing(product.id(), product.skus()
				.stream()
				.map(sku -> new NewListing.SkuPrice(sku.id(), sku.minRetailPrice() + 1_000L))
				.toList()));
		}
	}

}
