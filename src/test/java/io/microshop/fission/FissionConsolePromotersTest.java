package io.microshop.fission;

import static io.microshop.fission.ShareFixtures.orderThrough;
import static io.microshop.fission.ShareFixtures.share;
import static io.microshop.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;

import org.junit.jupiter.api.Test;

/**
 * The seller's fission console names the sharer of each top link, ranks promoters by the
 * paid sales of their links and shows the promoter tree as nested lists.
 */
class FissionConsolePromotersTest extends AppTest {

	@Test
	void theSellerSeesTopLinksWithSharersTopPromotersAndTheTree() {
		// price 3_900 + shipping 800: a paid order counts 4_700 of sales
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		var rates = api.patch("/api/v1/shops/" + market.shop().id(), market.seller().token(),
				Api.map("level1CommissionBps", 1_000));
		assertThat(rates.status()).as(rates.toString()).isEqualTo(200);
		User a = scenario.user();
		User b = scenario.user();
		User c = scenario.user();
		User d = scenario.user();
		String codeA = join(a, market, null);
		String codeB = join(b, market, codeA);
		String codeC = join(c, market, codeB);
		String codeD = join(d, market, null);

		String link = share(api, b, market.listingId(), "wechat");
		User buyer = scenario.user();
		scenario.pay(buyer, orderThrough(api, scenario, buyer, market, link));
		eventually(() -> assertThat(jdbc.sql("SELECT count(*) FROM share_orders WHERE code = ? AND paid_at IS NOT NULL")
			.param(link)
			.query(Long.class)
			.single()).isEqualTo(1));

		WebClient seller = WebClient.signedIn(baseUrl(), jdbc, market.seller().phone());
		var console = seller.get("/seller/fission?shop=" + market.shop().id());
		assertThat(console.status()).as(console.body()).isEqualTo(200);
		String html = console.body();

		String funnel = section(html, "id=\"fission-funnel\"", "</table>");
		assertThat(funnel).contains("<polyline").contains("class=\"line paid\"");
		assertThat(funnel.split("data-day=", -1)).hasSize(15);
		assertThat(funnel).contains("class=\"num orders\">1<").contains("class=\"num paid\">1<");

		String links = section(html, "id=\"fission-links\"", "</table>");
		assertThat(links).contains("data-code=\"" + link + "\"").contains(">wechat<")
			.contains("Tester …" + b.phone().substring(b.phone().length() - 4)).contains("¥47.00");

		String promoters = section(html, "id=\"fission-promoters\"", "</table>");
		assertThat(promoters.indexOf("data-code=\"" + codeB + "\"")).as(promoters).isPositive();
		// B sold, the others did not: B first; the others by joining order
		assertThat(promoters.indexOf(codeB)).isLessThan(promoters.indexOf(codeA));
		assertThat(promoters.indexOf(codeA)).isLessThan(promoters.indexOf(codeC));
		assertThat(promoters.indexOf(codeC)).isLessThan(promoters.indexOf(codeD));
		String rowB = section(promoters, "data-code=\"" + codeB + "\"", "</tr>");
		// floor(1000 x (3_900 - 2_000) / 10_000) = 190: ¥1.90 of commission on ¥47.00 of sales
		assertThat(rowB).contains("¥47.00").contains("¥1.90");

		String tree = section(html, "id=\"promoter-tree\"", "</ul>\n  <");
		int ia = tree.indexOf("data-code=\"" + codeA + "\"");
		int ib = tree.indexOf("data-code=\"" + codeB + "\"");
		int ic = tree.indexOf("data-code=\"" + codeC + "\"");
		int id = tree.indexOf("data-code=\"" + codeD + "\"");
		assertThat(ia).as(tree).isPositive();
		assertThat(ia).isLessThan(ib);
		assertThat(ib).isLessThan(ic);
		assertThat(ic).isLessThan(id);
		// B is nested in A's item, C in B's; D is another root
		assertThat(tree.substring(ia, ib)).contains("<ul>").doesNotContain("</li>");
		assertThat(tree.substring(ib, ic)).contains("<ul>").doesNotContain("</li>");
		assertThat(tree.substring(ic, id)).contains("</ul>").contains("</li>");
	}

	private String join(User fan, Market market, String recruiterCode) {
		var joined = api.post("/api/v1/shops/" + market.shop().id() + "/promoters", fan.token(),
				recruiterCode == null ? Api.map() : Api.map("recruiterCode", recruiterCode));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		return joined.text("code");
	}

	private static String section(String html, String from, String to) {
		int start = html.indexOf(from);
		assertThat(start).as("%s in %s", from, html).isNotNegative();
		int end = html.indexOf(to, start);
		return end < 0 ? html.substring(start) : html.substring(start, end);
	}

}
