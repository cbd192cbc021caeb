package io.microshop.fission;

import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Shop;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

/** POST /api/v1/shops/{shopId}/promoters: every status it answers. */
class PromotersApiTest extends AppTest {

	@Test
	void aFanJoinsWithoutRecruiterAtLevel1AndIsRecruitedAtTheRecruitersLevelPlusOne201() {
		Shop shop = scenario.shop(scenario.user());
		User first = scenario.user();
		User second = scenario.user();
		User third = scenario.user();

		var top = join(first, shop.id(), null);
		var recruit = join(second, shop.id(), top.text("code"));
		var deeper = join(third, shop.id(), recruit.text("code"));

		assertThat(top.status()).as(top.toString()).isEqualTo(201);
		assertThat(top.text("code")).matches("[0-9A-Za-z]{8,10}");
		assertThat(top.json().get("level").asInt()).isEqualTo(1);
		assertThat(top.json().has("recruitedBy")).isFalse();
		assertThat(recruit.status()).as(recruit.toString()).isEqualTo(201);
		assertThat(recruit.json().get("level").asInt()).isEqualTo(2);
		assertThat(recruit.text("recruitedBy")).isEqualTo(top.text("promoterId"));
		assertThat(deeper.json().get("level").asInt()).isEqualTo(3);
		assertThat(deeper.text("recruitedBy")).isEqualTo(recruit.text("promoterId"));
		assertThat(recruit.text("code")).isNotEqualTo(top.text("code"));
		// nothing is paid for joining or recruiting
		assertThat(jdbc.sql("SELECT count(*) FROM ledger_postings WHERE account IN (?, ?)")
			.params("promoter:" + first.id(), "escrow:promoter:" + first.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEmptyBodyOrABlankCodeJoinsWithoutRecruiter201() {
		Shop shop = scenario.shop(scenario.user());

		var noBody = api.post("/api/v1/shops/" + shop.id() + "/promoters", scenario.user().token(), null);
		var blank = join(scenario.user(), shop.id(), " ");

		assertThat(noBody.status()).as(noBody.toString()).isEqualTo(201);
		assertThat(noBody.json().get("level").asInt()).isEqualTo(1);
		assertThat(blank.status()).as(blank.toString()).isEqualTo(201);
		assertThat(blank.json().get("level").asInt()).isEqualTo(1);
	}

	@Test
	void theShopOwnerMayJoinTheirOwnShop201() {
		User seller = scenario.user();
		Shop shop = scenario.shop(seller);

		var joined = join(seller, shop.id(), null);

		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
	}

	@Test
	void joiningAnonymouslyIs401() {
		Shop shop = scenario.shop(scenario.user());

		assertProblem(api.post("/api/v1/shops/" + shop.id() + "/promoters", null, Api.map()), 401, "unauthorized");
	}

	@Test
	void anUnknownShopIs404() {
		assertProblem(join(scenario.user(), UUID.randomUUID().toString(), null), 404, "not-found");
	}

	@Test
	void joiningTheSameShopTwiceIs409AlreadyPromoter() {
		Shop shop = scenario.shop(scenario.user());
		User fan = scenario.user();
		var first = join(fan, shop.id(), null);

		assertProblem(join(fan, shop.id(), null), 409, "already-promoter");
		assertThat(count(shop.id())).isEqualTo(1);
		assertThat(first.status()).isEqualTo(201);
	}

	@Test
	void anUnknownRecruiterCodeOrAnotherShopsCodeIs422NamingRecruiterCode() {
		Shop shop = scenario.shop(scenario.user());
		Shop other = scenario.shop(scenario.user());
		var elsewhere = join(scenario.user(), other.id(), null);
		User fan = scenario.user();

		assertInvalidField(join(fan, shop.id(), "ZZZZZZZZZZ"), 422, "recruiterCode");
		assertInvalidField(join(fan, shop.id(), "not a code!"), 422, "recruiterCode");
		assertInvalidField(join(fan, shop.id(), elsewhere.text("code")), 422, "recruiterCode");
		assertThat(count(shop.id())).isZero();
	}

	/**
	 * Self-recruitment and cycles are impossible by construction: an account has no code of a
	 * shop before it joined it, it joins once (409 before any code is read), and a recruiter
	 * never changes; so recruiters are always older than their recruits.
	 */
	@Test
	void selfRecruitmentAndCyclesAreImpossible() {
		Shop shop = scenario.shop(scenario.user());
		User a = scenario.user();
		User b = scenario.user();
		var joinedA = join(a, shop.id(), null);
		var joinedB = join(b, shop.id(), joinedA.text("code"));

		// A cannot come back recruited by B (a cycle), nor by itself
		assertProblem(join(a, shop.id(), joinedB.text("code")), 409, "already-promoter");
		assertProblem(join(a, shop.id(), joinedA.text("code")), 409, "already-promoter");
		assertProblem(join(b, shop.id(), joinedB.text("code")), 409, "already-promoter");
		var tree = jdbc.sql("""
				SELECT count(*) FROM promoters r JOIN promoters p ON p.recruiter_id = r.id
				WHERE p.shop_id = ? AND (r.created_at > p.created_at OR r.id = p.id OR r.shop_id <> p.shop_id)""")
			.param(UUID.fromString(shop.id()))
			.query(Long.class)
			.single();
		assertThat(tree).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM promoters WHERE id = ? AND recruiter_id IS NULL AND level = 1")
			.param(UUID.fromString(joinedA.text("promoterId")))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Api.Response join(User fan, String shopId, String recruiterCode) {
		return api.post("/api/v1/shops/" + shopId + "/promoters", fan.token(),
				recruiterCode == null ? Api.map() : Api.map("recruiterCode", recruiterCode));
	}

	private long count(String shopId) {
		return jdbc.sql("SELECT count(*) FROM promoters WHERE shop_id = ?")
			.param(UUID.fromString(shopId))
			.query(Long.class)
			.single();
	}

}
