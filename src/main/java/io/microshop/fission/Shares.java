package io.microshop.fission;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.microshop.fission.persistence.ShareRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Problem;
import io.microshop.shop.Listing;
import io.microshop.shop.Shops;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The share links facade: any signed-in account shares a listing on a channel and gets a
 * short code; opening the code records a visit. What the links bring is counted by
 * {@link FissionStats}; orders are attributed from ordering's events.
 */
@Service
public class Shares {

	private static final int CODE_ATTEMPTS = 5;

	private final ShareRows rows;

	private final Shops shops;

	private final Clock clock;

	private final GroupBuys groupBuys;

	Shares(ShareRows rows, Shops shops, Clock clock, GroupBuys groupBuys) {
		this.groupBuys = groupBuys;
		this.rows = rows;
		this.shops = shops;
		this.clock = clock;
	}

	/** A new link for the listing; an unknown listing is refused (422 naming {@code listingId}). */
	@Transactional
	public ShareLink share(AccountPrincipal sharer, UUID listingId, Channel channel) {
		Listing listing = shops.listing(listingId)
			.orElseThrow(() -> Problem.invalidField("listingId", "no such listing"));
		return create(sharer, listing, channel);
	}

	/**
	 * The account's link for the listing on each channel, reusing the ones it made before, so
	 * opening the share sheet twice does not split a channel's figures over two codes.
	 */
	@Transactional
	public Map<Channel, ShareLink> sheet(AccountPrincipal sharer, Listing listing) {
		Map<Channel, ShareLink> links = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			links.put(channel, rows.latestLink(sharer.accountId(), listing.id(), channel)
				.orElseGet(() -> create(sharer, listing, channel)));
		}
		return links;
	}

	@Transactional(readOnly = true)
	public Optional<ShareLink> link(String code) {
		return ShareCodes.looksLikeCode(code) ? rows.findLink(code) : Optional.empty();
	}

	/** Someone opened the link: records the visit and answers where it leads (404 if unknown). */
	@Transactional
	public ShareLink open(String code, String visitorId) {
		if (!ShareCodes.looksLikeVisitorId(visitorId)) {
			throw new IllegalArgumentException("not a visitor id");
		}
		ShareLink link = link(code).orElseThrow(() -> Problem.notFound("This share link"));
		// a visit is analytics, not money: losing the last few to a crash beats a disk flush per tap
		rows.commitWithoutWaitingForDisk();
		rows.insertVisit(link, visitorId, clock.instant());
		return link;
	}

	/** The sharer's links for a group buy, one per channel, reusing earlier ones. */
	@Transactional
	public Map<Channel, ShareLink> groupSheet(AccountPrincipal sharer, UUID groupId) {
		Map<Channel, ShareLink> links = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			links.put(channel, rows.latestGroupLink(sharer.accountId(), groupId, channel)
				.orElseGet(() -> shareGroup(sharer, groupId, channel)));
		}
		return links;
	}

	/** A link to a group buy: opening it leads to the group page, orders count for its listing. */
	@Transactional
	public ShareLink shareGroup(AccountPrincipal sharer, UUID groupId, Channel channel) {
		Group group = groupBuys.group(groupId).orElseThrow(() -> Problem.invalidField("groupId", "no such group"));
		UUID listingId = groupBuys.deal(group.dealId()).orElseThrow().listingId();
		Listing listing = shops.listing(listingId).orElseThrow(() -> Problem.invalidField("groupId", "no such group"));
		return create(sharer, listing, channel, groupId);
	}

	private ShareLink create(AccountPrincipal sharer, Listing listing, Channel channel) {
		return create(sharer, listing, channel, null);
	}

	private ShareLink create(AccountPrincipal sharer, Listing listing, Channel channel, UUID groupId) {
		Instant now = clock.instant();
		for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
			ShareLink link = new ShareLink(ShareCodes.newCode(), listing.shopId(), listing.id(), sharer.accountId(),
					channel, now, groupId);
			if (rows.insertLink(link)) {
				return link;
			}
		}
		// 62^10 codes: five collisions in a row mean something else is wrong
		throw new IllegalStateException("No free share code after " + CODE_ATTEMPTS + " attempts");
	}

}
