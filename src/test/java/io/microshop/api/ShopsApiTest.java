package io.microshop.api;

import static io.microshop.api.ApiAssertions.assertBadInput;
import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.count;
import static io.microshop.api.ApiAssertions.slug;
import static io.microshop.api.ApiAssertions.unknownId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.Product;
import io.microshop.support.Scenario.Shop;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** Shops, their settings, listings and the public storefront reads. */
class ShopsApiTest extends AppTest {

	@Test
	void aShopOpensUnverifiedWithItsUrl() {
		User seller = scenario.user();
		String slug = slug();

		var shop = api.post("/api/v1/shops", seller.token(), Api.map("name", "Mei's Tea Corner", "slug", slug));

		assertThat(shop.status()).as(shop.toString()).isEqualTo(201);
		assertThat(shop.id()).isNotBlank();
		assertThat(shop.text("name")).isEqualTo("Mei's Tea Corner");
		assertThat(shop.text("slug")).isEqualTo(slug);
		assertThat(shop.text("url")).isNotBlank().endsWith(slug);
		assertThat(shop.json().get("verified").isBoolean()).isTrue();
		assertThat(shop.json().get("verified").asBoolean()).isFalse();
	}

	@Test
	void aTakenSlugIs409WhateverItsCase() {
		User seller = scenario.user();
		User other = scenario.user();
		String slug = slug();
		assertThat(api.post("/api/v1/shops", seller.token(), Api.map("name", "First", "slug", slug)).status())
			.isEqualTo(201);

		assertProblem(api.post("/api/v1/shops", other.token(), Api.map("name", "Second", "slug", slug)), 409,
				"slug-taken");
		assertProblem(api.post("/api/v1/shops", other.token(), Api.map("name", "Second", "slug", slug.toUpperCase())),
				409, "slug-taken");
		assertThat(count(jdbc, "SELECT count(*) FROM shops WHERE slug = ?", slug)).isEqualTo(1);
		assertThat(count(jdbc, "SELECT count(*) FROM shops WHERE owner_account_id = ?", UUID.fromString(other.id())))
			.isZero();
	}

	@ParameterizedTest(name = "slug \"{0}\"")
	@ValueSource(strings = { "a", "ab", "-shop", "shop-", "sh--op", "shop shop", "shop/one", "shop_one", "shöp",
			"../admin", "0123456789012345678901234567890123456789x", " " })
	void aBadSlugIsRefused(String slug) {
		User seller = scenario.user();

		var refused = api.post("/api/v1/shops", seller.token(), Api.map("name", "Shop", "slug", slug));

		assertInvalidField(refused, "slug");
		assertThat(count(jdbc, "SELECT count(*) FROM shops WHERE owner_account_id = ?", UUID.fromString(seller.id())))
			.isZero();
	}

	@Test
	void aShopNeedsAName() {
		User seller = scenario.user();

		assertInvalidField(api.post("/api/v1/shops", seller.token(), Api.map("slug", slug())), "name");
		assertInvalidField(api.post("/api/v1/shops", seller.token(), Api.map("name", "  ", "slug", slug())), "name");
		assertInvalidField(api.post("/api/v1/shops", seller.token(), Api.map("name", "n".repeat(101), "slug", slug())),
				"name");
	}

	@Test
	void theSellerRenamesTheShopAndSetsCommissions() {
		User seller = scenario.user();
		Shop shop = scenario.shop(seller);

		var changed = api.patch("/api/v1/shops/" + shop.id(), seller.token(),
				Api.map("name", "Renamed", "level1CommissionBps", 3_000, "level2CommissionBps", 2_000));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.id()).isEqualTo(shop.id());
		assertThat(changed.text("name")).isEqualTo("Renamed");
		assertThat(changed.text("slug")).isEqualTo(shop.slug());
		assertThat(changed.json().get("level1CommissionBps").asInt()).isEqualTo(3_000);
		assertThat(changed.json().get("level2CommissionBps").asInt()).isEqualTo(2_000);

		var nameOnly = api.patch("/api/v1/shops/" + shop.id(), seller.token(), Api.map("name", "Again"));
		assertThat(nameOnly.status()).isEqualTo(200);
		assertThat(nameOnly.json().get("level1CommissionBps").asInt()).isEqualTo(3_000);
		assertThat(api.get("/api/v1/shops/by-slug/" + shop.slug(), null).text("name")).isEqualTo("Again");
	}

	@Test
	void shopEditsAreRefusedForOthersAndForCommissionsAboveHalfTheMargin() {
		User seller = scenario.user();
		User other = scenario.user();
		Shop shop = scenario.shop(seller);
		String path = "/api/v1/shops/" + shop.id();
		assertThat(api.patch(path, seller.token(), Api.map("level1CommissionBps", 1_000)).status()).isEqualTo(200);

		assertProblem(api.patch(path, other.token(), Api.map("name", "Hijacked")), 403, "forbidden");
		assertProblem(api.patch("/api/v1/shops/" + unknownId(), seller.token(), Api.map("name", "X")), 404,
				"not-found");
		var tooHigh = api.patch(path, seller.token(), Api.map("level1CommissionBps", 3_000, "level2CommissionBps", 2_001));
		JsonNode problem = assertProblem(tooHigh, 422, "commission-too-high");
		assertThat(problem.get("errors")).isNotNull();
		// together with the level 1 rate already set
		assertProblem(api.patch(path, seller.token(), Api.map("level2CommissionBps", 4_001)), 422,
				"commission-too-high");
		assertInvalidField(api.patch(path, seller.token(), Api.map("level1CommissionBps", -1)), "level1CommissionBps");
		assertInvalidField(api.patch(path, seller.token(), Api.map("level2CommissionBps", 10_001)),
				"level2CommissionBps");
		assertInvalidField(api.patch(path, seller.token(), Api.map("name", " ")), "name");

		var row = jdbc.sql("SELECT name, level1_commission_bps, level2_commission_bps FROM shops WHERE id = ?")
			.param(UUID.fromString(shop.id()))
			.query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getInt(3)))
			.single();
		assertThat(row).containsExactly("Shop " + shop.slug(), 1_000, 0);
	}

	@Test
	void aListingIsCreatedAtTheSellersPrice() {
		User supplier = scenario.user();
		Product product = scenario.product(supplier, 2_000, 3_000, 7, 800);
		User seller = scenario.user();
		Shop shop = scenario.shop(seller);

		var listing = api.post("/api/v1/shops/" + shop.id() + "/listings", seller.token(), Api.map("productId",
				product.productId(), "prices", List.of(Api.map("skuId", product.skuId(), "price", 3_900))));

		assertThat(listing.status()).as(listing.toString()).isEqualTo(201);
		assertThat(listing.id()).isNotBlank();
		assertThat(listing.text("url")).isNotBlank().contains(listing.id());
		assertThat(listing.text("title")).isEqualTo("Oolong tea");
		JsonNode sku = listing.json().get("skus").get(0);
		assertThat(sku.get("id").asString()).isEqualTo(product.skuId());
		assertThat(sku.get("name").asString()).isEqualTo("100 g");
		assertThat(sku.get("price").asLong()).isEqualTo(3_900);
		assertThat(sku.get("available").asInt()).isEqualTo(7);
		assertThat(sku.has("supplyPrice")).isFalse();
		assertThat(sku.has("minRetailPrice")).isFalse();
		// exactly at the floor is allowed
		assertThat(api.post("/api/v1/shops/" + shop.id() + "/listings", seller.token(), Api.map("productId",
				product.productId(), "prices", List.of(Api.map("skuId", product.skuId(), "price", 3_000)))).status())
			.isEqualTo(201);
	}

	@Test
	void aPriceBelowTheFloorIs422AndNothingIsListed() {
		User supplier = scenario.user();
		Product product = scenario.product(supplier, 2_000, 3_000, 7, 800);
		User seller = scenario.user();
		Shop shop = scenario.shop(seller);

		var refused = api.post("/api/v1/shops/" + shop.id() + "/listings", seller.token(), Api.map("productId",
				product.productId(), "prices", List.of(Api.map("skuId", product.skuId(), "price", 2_999))));

		assertProblem(refused, 422, "price-below-floor");
		assertThat(listingsOf(shop)).isZero();
	}

	@Test
	void listingInAnotherSellersShopIs403AndBadListingsAreRefused() {
		User supplier = scenario.user();
		Product product = scenario.product(supplier, 2_000, 3_000, 7, 800);
		Product other = scenario.product(scenario.user(), 2_000, 3_000, 7, 800);
		User seller = scenario.user();
		Shop shop = scenario.shop(seller);
		String path = "/api/v1/shops/" + shop.id() + "/listings";
		Map<String, Object> good = Api.map("productId", product.productId(), "prices",
				List.of(Api.map("skuId", product.skuId(), "price", 3_900)));

		assertProblem(api.post(path, scenario.user().token(), good), 403, "forbidden");
		assertProblem(api.post(path, supplier.token(), good), 403, "forbidden");
		assertProblem(api.post("/api/v1/shops/" + unknownId() + "/listings", seller.token(), good), 404, "not-found");
		assertInvalidField(api.post(path, seller.token(), Api.map("productId", unknownId(), "prices",
				List.of(Api.map("skuId", product.skuId(), "price", 3_900)))), "productId");
		assertInvalidField(api.post(path, seller.token(), Api.map("productId", product.productId(), "prices",
				List.of(Api.map("skuId", other.skuId(), "price", 3_900)))), "prices");
		assertInvalidField(api.post(path, seller.token(), Api.map("productId", product.productId(), "prices",
				List.of())), "prices");
		assertInvalidField(api.post(path, seller.token(), Api.map("productId", product.productId(), "prices",
				List.of(Api.map("skuId", product.skuId(), "price", 3_900), Api.map("skuId", product.skuId(), "price",
						4_000)))), "prices");
		assertInvalidField(api.post(path, seller.token(), Api.map("productId", product.productId(), "prices",
				List.of(Api.map("skuId", product.skuId(), "price", -3_900)))), "prices");
		assertInvalidField(api.post(path, seller.token(), Api.map("prices", List.of())), "productId");
		assertBadInput(api.post(path, seller.token(), Api.map("productId", "nope", "prices", List.of())));
		assertThat(listingsOf(shop)).isZero();
	}

	@Test
	void theStorefrontIsPublicBySlug() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);

		var shop = api.get("/api/v1/shops/by-slug/" + market.shop().slug(), null);

		assertThat(shop.status()).as(shop.toString()).isEqualTo(200);
		JsonNode json = shop.json();
		assertThat(json.get("id").asString()).isEqualTo(market.shop().id());
		assertThat(json.get("name").asString()).isEqualTo("Shop " + market.shop().slug());
		assertThat(json.get("slug").asString()).isEqualTo(market.shop().slug());
		assertThat(json.get("verified").asBoolean()).isFalse();
		assertThat(json.get("complaintRate").isNumber()).isTrue();
		assertThat(json.get("complaintRate").asDouble()).isZero();
		assertThat(json.get("listings")).hasSize(1);
		JsonNode listing = json.get("listings").get(0);
		assertThat(listing.get("id").asString()).isEqualTo(market.listingId());
		assertThat(listing.get("skus").get(0).get("price").asLong()).isEqualTo(3_900);
		assertThat(shop.body()).doesNotContain("supplyPrice").doesNotContain("minRetailPrice");

		assertThat(api.get("/api/v1/shops/by-slug/" + market.shop().slug().toUpperCase(), null).status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "slug \"{0}\"")
	@ValueSource(strings = { "no-such-shop-anywhere", "x", "%20", "a%27--", "UPPER-unknown" })
	void anUnknownSlugIs404(String slug) {
		assertProblem(api.get("/api/v1/shops/by-slug/" + slug, null), 404, "not-found");
	}

	@Test
	void aListingIsPublicAndNeverShowsTheSupplierPrices() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);

		var listing = api.get("/api/v1/listings/" + market.listingId(), null);

		assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
		JsonNode json = listing.json();
		assertThat(json.get("id").asString()).isEqualTo(market.listingId());
		assertThat(json.get("shopId").asString()).isEqualTo(market.shop().id());
		assertThat(json.get("title").asString()).isEqualTo("Oolong tea");
		assertThat(json.get("description").asString()).isEqualTo("Spring harvest");
		assertThat(json.get("imageUrls").isArray()).isTrue();
		assertThat(json.get("currency").asString()).isEqualTo("CNY");
		JsonNode sku = json.get("skus").get(0);
		assertThat(sku.get("id").asString()).isEqualTo(market.product().skuId());
		assertThat(sku.get("name").asString()).isEqualTo("100 g");
		assertThat(sku.get("price").asLong()).isEqualTo(3_900);
		assertThat(sku.get("available").asInt()).isEqualTo(10);
		assertThat(listing.body()).doesNotContain("supplyPrice").doesNotContain("minRetailPrice")
			.doesNotContain("\"2000\"").doesNotContain(":2000");
		// signed-in callers see the same
		assertThat(api.get("/api/v1/listings/" + market.listingId(), market.seller().token()).body())
			.doesNotContain("supplyPrice");
	}

	@ParameterizedTest(name = "listing id \"{0}\"")
	@ValueSource(strings = { "00000000-0000-0000-0000-000000000000", "not-a-uuid", "123", "%20",
			"9b2c1f9e-0000-4000-8000-00000000000Z" })
	void anUnknownOrMalformedListingIs404(String id) {
		assertProblem(api.get("/api/v1/listings/" + id, null), 404, "not-found");
	}

	private long listingsOf(Shop shop) {
		return count(jdbc, "SELECT count(*) FROM listings WHERE shop_id = ?", UUID.fromString(shop.id()));
	}

}
