package io.microshop.trust;

import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

import tools.jackson.databind.JsonNode;

/** Operators' actions land in an append-only audit log that operators can read. */
class AuditLogTest extends AppTest {

	@Test
	void decisionsAreLoggedAndTheLogIsForOperators() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		new TrustFixtures(api, scenario, clock).verify(market.seller(), "shop", market.shop().id());

		var log = api.get("/api/v1/ops/audit-log?size=100", scenario.operatorToken());

		assertThat(log.status()).as(log.toString()).isEqualTo(200);
		JsonNode entry = log.json().get("items").get(0);
		assertThat(entry.get("action").asString()).isEqualTo("verification.approve");
		assertThat(entry.get("reason").asString()).isEqualTo("documents match");
		assertThat(entry.get("actorAccountId").asString()).isNotBlank();
		assertThat(entry.get("at").asString()).isNotBlank();
		assertProblem(api.get("/api/v1/ops/audit-log", market.seller().token()), 403, "forbidden");
		assertUnauthorized(api.get("/api/v1/ops/audit-log", null));
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntries() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		new TrustFixtures(api, scenario, clock).verify(market.seller(), "shop", market.shop().id());
		long entries = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET reason = 'rewritten'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update()).isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single()).isEqualTo(entries);
	}

}
