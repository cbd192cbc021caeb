package io.microshop.fission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.microshop.fission.persistence.GroupRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.GroupBuyPolicy;
import io.microshop.ordering.OrderLifecycle;
import io.microshop.platform.Ids;
import io.microshop.platform.Problem;
import io.microshop.shop.Listing;
import io.microshop.shop.Shops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group buys. A seller offers a deal (group price not below the SKU's floor, size, window); as
 * ordering's {@link GroupBuyPolicy} an order with the deal starts a group led by its buyer, an
 * order with a group joins it, and a paid order takes a seat by one conditional update (a
 * group never has more paid members than its size). A full group succeeds and ordering hands
 * its orders to the supplier; an open group whose window closed fails, and every member order
 * is cancelled through ordering (paid ones refunded in full, stock released).
 */
@Service
public class GroupBuys implements GroupBuyPolicy {

	/** Short windows are allowed: a flash group of a few seconds is odd, not harmful. */
	static final Duration MIN_WINDOW = Duration.ofSeconds(1);

	static final Duration MAX_WINDOW = Duration.ofDays(7);

	private static final Logger log = LoggerFactory.getLogger(GroupBuys.class);

	private final GroupRows rows;

	private final Shops shops;

	private final OrderLifecycle orders;

	private final TransactionTemplate tx;

	private final Clock clock;

	GroupBuys(GroupRows rows, Shops shops, OrderLifecycle orders, TransactionTemplate tx, Clock clock) {
		this.rows = rows;
		this.shops = shops;
		this.orders = orders;
		this.tx = tx;
		this.clock = clock;
	}

	/** The terms of a new deal, as a seller gives them. */
	public record NewDeal(UUID listingId, UUID skuId, long groupPrice, int groupSize, String window) {
	}

	/** The seller of the shop offers a group deal on one SKU of one of its listings. */
	@Transactional
	public GroupDeal offer(UUID shopId, AccountPrincipal seller, NewDeal terms) {
		shops.requireOwned(shopId, seller);
		Duration window = window(terms.window());
		if (terms.groupSize() < 2 || terms.groupSize() > 100) {
			throw badField("groupSize", "must be between 2 and 100");
		}
		if (terms.groupPrice() <= 0 || terms.groupPrice() > 100_000_000) {
			throw badField("groupPrice", "must be a positive amount in fen, at most 100000000");
		}
		Listing listing = shops.listing(terms.listingId())
			.filter(l -> l.shopId().equals(shopId))
			.orElseThrow(() -> Problem.invalidField("listingId", "is not a listing of this shop"));
		Listing.ListedSku sku = listing.sku(terms.skuId())
			.orElseThrow(() -> Problem.invalidField("skuId", "is not a SKU of this listing"));
		if (terms.groupPrice() < sku.minRetailPrice()) {
			throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "price-below-floor", "Price below the floor",
					"The group price of " + sku.name() + " is below the supplier's minimum retail price of "
							+ sku.minRetailPrice() + ".",
					Map.of("groupPrice", "must be at least " + sku.minRetailPrice()));
		}
		GroupDeal deal = new GroupDeal(Ids.newId(), shopId, listing.id(), sku.id(), terms.groupPrice(),
				terms.groupSize(), window, clock.instant());
		rows.insertDeal(deal);
		return deal;
	}

	private static Duration window(String text) {
		Duration window;
		try {
			window = Duration.parse(text == null ? "" : text.strip());
		}
		catch (RuntimeException ex) {
			throw badField("window", "must be an ISO-8601 duration such as PT24H");
		}
		if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
			throw badField("window", "must be between 1 second and 7 days");
		}
		return window;
	}

	private static Problem badField(String field, String message) {
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field + " " + message,
				Map.of(field, message));
	}

	@Transactional(readOnly = true)
	public Optional<GroupDeal> deal(UUID dealId) {
		return rows.deal(dealId);
	}

	/** A group with its paid members' initials. */
	@Transactional(readOnly = true)
	public Optional<Group> group(UUID groupId) {
		return rows.group(groupId).map(g -> g.withInitials(rows.paidInitials(groupId)));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public GroupTerms join(GroupJoin join) {
		Group group;
		GroupDeal deal;
		if (join.groupDealId() != null) {
			deal = rows.deal(join.groupDealId()).orElseThrow(() -> Problem.notFound("The group deal"));
			requireListing(deal, join);
			group = new Group(Ids.newId(), deal.shopId(), deal.id(), join.buyerId(), GroupStatus.OPEN,
					deal.groupSize(), 0, join.now().plus(deal.window()), join.now(), null);
			rows.insertGroup(group);
		}
		else {
			group = rows.group(join.groupId()).orElseThrow(() -> Problem.notFound("The group"));
			deal = rows.deal(group.dealId()).orElseThrow();
			requireListing(deal, join);
			if (group.paidMembers() >= group.groupSize()) {
				throw Problem.conflict("group-full", "Group full", "Every seat of this group is taken.");
			}
			if (!group.open(join.now())) {
				throw Problem.conflict("group-closed", "Group closed",
						"This group is " + (group.status() == GroupStatus.OPEN ? "past its time window"
								: group.status().name().toLowerCase()) + " and takes no more members.");
			}
		}
		rows.insertMember(group.id(), join.orderId(), join.buyerId(), group.shopId(), initial(join.buyerName()),
				join.now());
		return new GroupTerms(group.id(), deal.skuId(), deal.groupPrice());
	}

	private static void requireListing(GroupDeal deal, GroupJoin join) {
		if (!deal.listingId().equals(join.listingId())) {
			throw Problem.invalidField("listingId", "the group deal is for another listing");
		}
	}

	static String initial(String name) {
		if (name == null || name.isBlank()) {
			return "?";
		}
		return new String(Character.toChars(name.strip().codePointAt(0))).toUpperCase();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Seat seat(UUID groupId, UUID orderId, Instant now) {
		Optional<Group> seated = rows.takeSeat(groupId, now);
		rows.memberStatus(groupId, orderId, seated.isPresent() ? "PAID" : "REFUSED", now);
		if (seated.isEmpty()) {
			return Seat.REFUSED;
		}
		return seated.get().status() == GroupStatus.SUCCEEDED ? Seat.FILLED : Seat.SEATED;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void leave(UUID groupId, UUID orderId, Instant now) {
		if (rows.memberStatusFrom(groupId, orderId, "JOINED", "CANCELLED", now)) {
			return;
		}
		// a paid member of an open group gives its seat back; in a closed group it stays on record
		if (rows.giveSeatBack(groupId)) {
			rows.memberStatusFrom(groupId, orderId, "PAID", "CANCELLED", now);
		}
	}

	/**
	 * Fails the open groups whose window closed and cancels their member orders (paid ones
	 * refunded); also finishes failed groups whose cancellation failed before. Returns how many
	 * groups failed now.
	 */
	public int failExpired() {
		Instant now = clock.instant();
		int failed = 0;
		for (UUID id : rows.expired(now, 200)) {
			Boolean done = tx.execute(status -> rows.fail(id, now));
			if (Boolean.TRUE.equals(done)) {
				failed++;
			}
		}
		for (UUID id : rows.failedUnclosed(200)) {
			int left = orders.cancelGroupOrders(id);
			if (left == 0) {
				tx.executeWithoutResult(status -> rows.close(id, clock.instant()));
			}
			else {
				log.warn("{} orders of failed group {} are not cancelled yet; retried on the next run", left, id);
			}
		}
		return failed;
	}

}
