package io.microshop.fission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;

import io.microshop.fission.persistence.FissionStatsRows;
import io.microshop.fission.persistence.ShareRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Problem;
import io.microshop.shop.Shops;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What share links brought, per link (for its sharer and the shop's seller) and per shop. */
@Service
public class FissionStats {

	static final int TOP_LINKS = 10;

	static final int TREE_LIMIT = 500;

	private final FissionStatsRows stats;

	private final ShareRows links;

	private final Shops shops;

	FissionStats(FissionStatsRows stats, ShareRows links, Shops shops) {
		this.stats = stats;
		this.links = links;
		this.shops = shops;
	}

	/**
	 * A link's funnel, for the account that shared it or the seller of its shop. Anyone else
	 * gets the same 404 as for an unknown code: a code is a capability, and a stranger learns
	 * nothing, not even that it exists.
	 */
	@Transactional(readOnly = true)
	public ShopFission.LinkStats ofLink(String code, AccountPrincipal caller) {
		ShareLink link = (ShareCodes.looksLikeCode(code) ? links.findLink(code) : Optional.<ShareLink>empty())
			.filter(l -> caller.is(l.sharerAccountId()) || shops.owns(l.shopId(), caller.accountId()))
			.orElseThrow(() -> Problem.notFound("The share link"));
		return new ShopFission.LinkStats(link, stats.ofLink(code));
	}

	/**
	 * A shop's fission, for its seller (404 unknown shop, 403 another seller's).
	 * <p>
	 * The viral coefficient is the number of new buyers brought per sharer: the distinct
	 * accounts that paid (and did not cancel) an order attributed to a link of this shop that
	 * <em>another</em> account shared, divided by the distinct accounts that shared a link of
	 * this shop. Buying through one's own link brings nobody. 0 when nobody shared; above 1,
	 * each sharer brings more than one buyer, who may share in turn.
	 */
	@Transactional(readOnly = true)
	public ShopFission ofShop(UUID shopId, AccountPrincipal caller) {
		shops.requireOwned(shopId, caller);
		Map<Channel, ShareStats> byChannel = stats.ofShopByChannel(shopId);
		ShareStats total = new ShareStats(sum(byChannel, ShareStats::visits), stats.uniqueVisitorsOfShop(shopId),
				sum(byChannel, ShareStats::orders), sum(byChannel, ShareStats::paidOrders),
				sum(byChannel, ShareStats::sales));
		return new ShopFission(shopId, total, viralCoefficient(stats.referredBuyers(shopId), stats.sharers(shopId)),
				byChannel, stats.topLinks(shopId, TOP_LINKS));
	}

	/**
	 * The shop's share-link funnel from {@code from} (included) to {@code to} (excluded), for
	 * its seller (404, 403 as above): visits and unique visitors, orders placed, and orders
	 * paid in the range (not cancelled, not flagged) with their sales.
	 */
	@Transactional(readOnly = true)
	public ShareStats ofShopBetween(UUID shopId, AccountPrincipal caller, java.time.Instant from,
			java.time.Instant to) {
		shops.requireOwned(shopId, caller);
		return stats.ofShopBetween(shopId, from, to);
	}

	/** The shop's funnel per day over the last two weeks (UTC days), oldest first. */
	@Transactional(readOnly = true)
	public List<FissionStatsRows.DayFunnel> dailyFunnel(UUID shopId, AccountPrincipal caller, java.time.Instant now) {
		shops.requireOwned(shopId, caller);
		return stats.dailyFunnel(shopId, now, 14);
	}

	/** The shop's ten best promoters by the paid sales of their links, for its seller (404, 403 as above). */
	@Transactional(readOnly = true)
	public List<PromoterStats> topPromoters(UUID shopId, AccountPrincipal caller) {
		shops.requireOwned(shopId, caller);
		return stats.topPromoters(shopId, TOP_LINKS);
	}

	/**
	 * The shop's promoter tree, for its seller: the level-1 promoters (nobody recruited them),
	 * each with the promoters it recruited, and so on, oldest first at every level. At most
	 * {@link #TREE_LIMIT} promoters (the oldest); {@code truncated} says when there are more.
	 */
	@Transactional(readOnly = true)
	public PromoterTree promoterTree(UUID shopId, AccountPrincipal caller) {
		shops.requireOwned(shopId, caller);
		List<Promoter> all = stats.promotersOf(shopId, TREE_LIMIT + 1);
		boolean truncated = all.size() > TREE_LIMIT;
		List<Promoter> shown = truncated ? all.subList(0, TREE_LIMIT) : all;
		Map<UUID, List<Promoter>> byRecruiter = new HashMap<>();
		Set<UUID> present = new HashSet<>();
		shown.forEach(p -> present.add(p.id()));
		List<Promoter> roots = new ArrayList<>();
		for (Promoter p : shown) {
			if (p.recruiterId() == null || !present.contains(p.recruiterId())) {
				roots.add(p);
			}
			else {
				byRecruiter.computeIfAbsent(p.recruiterId(), id -> new ArrayList<>()).add(p);
			}
		}
		return new PromoterTree(roots.stream().map(r -> node(r, byRecruiter)).toList(), shown.size(), truncated);
	}

	private static PromoterNode node(Promoter p, Map<UUID, List<Promoter>> byRecruiter) {
		// recruiters are always older than their recruits, so this terminates (no cycles)
		return new PromoterNode(p,
				byRecruiter.getOrDefault(p.id(), List.of()).stream().map(r -> node(r, byRecruiter)).toList());
	}

	/** The roots of the tree, how many promoters it shows, and whether older ones were left out. */
	public record PromoterTree(List<PromoterNode> roots, int size, boolean truncated) {
	}

	/** A promoter and those it recruited. */
	public record PromoterNode(Promoter promoter, List<PromoterNode> recruits) {
	}

	/** Referred buyers per sharer, to three decimals; 0 without sharers. */
	static double viralCoefficient(long referredBuyers, long sharers) {
		return sharers == 0 ? 0.0 : Math.round(1000.0 * referredBuyers / sharers) / 1000.0;
	}

	private static long sum(Map<Channel, ShareStats> byChannel, ToLongFunction<ShareStats> f) {
		return byChannel.values().stream().mapToLong(f).sum();
	}

}
