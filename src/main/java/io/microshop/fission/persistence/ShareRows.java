package io.microshop.fission.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.microshop.fission.Channel;
import io.microshop.fission.ShareLink;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of share links and their visits. */
@Repository
public class ShareRows {

	private static final String LINK_COLUMNS = "code, shop_id, listing_id, sharer_account_id, channel, created_at, group_id";

	private final JdbcClient jdbc;

	ShareRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False when the code is taken already (the caller draws another). */
	public boolean insertLink(ShareLink link) {
		return jdbc.sql("""
				INSERT INTO share_links (code, shop_id, listing_id, sharer_account_id, channel, created_at, group_id)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
			.params(link.code(), link.shopId(), link.listingId(), link.sharerAccountId(), link.channel().key(),
					Timestamp.from(link.createdAt()), link.groupId())
			.update() == 1;
	}

	public Optional<ShareLink> findLink(String code) {
		return jdbc.sql("SELECT " + LINK_COLUMNS + " FROM share_links WHERE code = ?")
			.param(code)
			.query(ShareRows::link)
			.optional();
	}

	/** The account's newest link for this listing and channel, if it shared it there before. */
	public Optional<ShareLink> latestLink(UUID sharer, UUID listingId, Channel channel) {
		return jdbc.sql("SELECT " + LINK_COLUMNS + """
				 FROM share_links WHERE sharer_account_id = ? AND listing_id = ? AND channel = ? AND group_id IS NULL
				ORDER BY created_at DESC LIMIT 1""")
			.params(sharer, listingId, channel.key())
			.query(ShareRows::link)
			.optional();
	}

	/** The account's newest link for this group and channel, if it shared it there before. */
	public Optional<ShareLink> latestGroupLink(UUID sharer, UUID groupId, Channel channel) {
		return jdbc.sql("SELECT " + LINK_COLUMNS + """
				 FROM share_links WHERE sharer_account_id = ? AND group_id = ? AND channel = ?
				ORDER BY created_at DESC LIMIT 1""")
			.params(sharer, groupId, channel.key())
			.query(ShareRows::link)
			.optional();
	}

	/** This transaction's commit does not wait for the WAL flush (only for this transaction). */
	public void commitWithoutWaitingForDisk() {
		jdbc.sql("SET LOCAL synchronous_commit = off").update();
	}

	public void insertVisit(ShareLink link, String visitorId, Instant at) {
		jdbc.sql("INSERT INTO share_visits (shop_id, code, visitor_id, at) VALUES (?, ?, ?, ?)")
			.params(link.shopId(), link.code(), visitorId, Timestamp.from(at))
			.update();
	}

	static ShareLink link(ResultSet rs, int row) throws SQLException {
		return new ShareLink(rs.getString("code"), rs.getObject("shop_id", UUID.class),
				rs.getObject("listing_id", UUID.class), rs.getObject("sharer_account_id", UUID.class),
				Channel.of(rs.getString("channel")).orElseThrow(), rs.getTimestamp("created_at").toInstant(),
				rs.getObject("group_id", UUID.class));
	}

}
