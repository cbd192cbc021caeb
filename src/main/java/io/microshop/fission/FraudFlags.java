package io.microshop.fission;

import java.time.Instant;
import java.util.UUID;

import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fraud signals recorded by fission (self-referral so far), newest first, for operators. */
@Service
public class FraudFlags {

	private final JdbcClient jdbc;

	FraudFlags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public PageOf<Flag> page(PageRequest page) {
		var items = jdbc.sql("""
				SELECT id, shop_id, order_id, kind, detail, at FROM fraud_flags ORDER BY at DESC, id LIMIT ? OFFSET ?""")
			.params(page.size(), page.offset())
			.query((rs, n) -> new Flag(rs.getObject("id", UUID.class), rs.getObject("shop_id", UUID.class),
					rs.getObject("order_id", UUID.class), rs.getString("kind"), rs.getString("detail"),
					rs.getTimestamp("at").toInstant()))
			.list();
		long total = jdbc.sql("SELECT count(*) FROM fraud_flags").query(Long.class).single();
		return new PageOf<>(items, page.page(), page.size(), total);
	}

	/** One recorded signal about an order. */
	public record Flag(UUID id, UUID shopId, UUID orderId, String kind, String detail, Instant at) {
	}

}
