package io.microshop.fission;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/** An order's commissions as stored, read straight from their table: for the commission tests. */
final class CommissionFixtures {

	private CommissionFixtures() {
	}

	/** The order's commissions by level: who earns each and how much. */
	static Map<Integer, Map.Entry<UUID, Long>> commissionsByLevel(JdbcClient jdbc, UUID orderId) {
		return jdbc.sql("SELECT level, promoter_account_id, amount FROM commissions WHERE order_id = ?")
			.param(orderId)
			.query((rs, n) -> Map.entry(rs.getInt(1), Map.entry(rs.getObject(2, UUID.class), rs.getLong(3))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The status of each of the order's commissions. */
	static List<String> commissionStatuses(JdbcClient jdbc, UUID orderId) {
		return jdbc.sql("SELECT status FROM commissions WHERE order_id = ?").param(orderId).query(String.class).list();
	}

}
