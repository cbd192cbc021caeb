package io.microshop.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.StockLine;
import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.PhoneNumbers;
import io.microshop.ordering.domain.Order;
import io.microshop.ordering.persistence.OrderRows;
import io.microshop.payment.PaymentView;
import io.microshop.payment.Payments;
import io.microshop.platform.IdempotencyKeys;
import io.microshop.platform.Ids;
import io.microshop.platform.Problem;
import io.microshop.shop.Listing;
import io.microshop.shop.Shops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checkout. Placing an order is one transaction: idempotency key, order, lines and
 * payment are written first and the stock is taken last, by a conditional update, so the
 * hot SKU's row lock is held for the shortest time and stock can never go below zero.
 */
@Service
public class Ordering {

	private final OrderRows rows;

	private final Shops shops;

	private final Catalog catalog;

	private final Payments payments;

	private final OrderViews views;

	private final OrderSettings settings;

	private final Clock clock;

	private final int platformFeeBps;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<GroupBuyPolicy> groupBuys;

	Ordering(OrderRows rows, Shops shops, Catalog catalog, Payments payments, OrderViews views, OrderSettings settings,
			Clock clock, ApplicationEventPublisher events, ObjectProvider<GroupBuyPolicy> groupBuys,
			@Value("${microshop.fees.platform-bps:200}") int platformFeeBps) {
		this.groupBuys = groupBuys;
		this.events = events;
		this.rows = rows;
		this.shops = shops;
		this.catalog = catalog;
		this.payments = payments;
		this.views = views;
		this.settings = settings;
		this.clock = clock;
		if (platformFeeBps < 0 || platformFeeBps > 10_000) {
			throw new IllegalArgumentException("microshop.fees.platform-bps must be within 0..10000");
		}
		this.platformFeeBps = platformFeeBps;
	}

	/**
	 * Places an order and reserves its stock; replays the first order for a repeated
	 * idempotency key with the same request, and refuses (409) the key with another request.
	 */
	@Transactional
	public OrderView place(AccountPrincipal buyer, PlaceOrder request, String idempotencyKey) {
		return place(buyer, request, idempotencyKey, null);
	}

	/**
	 * As {@link #place(AccountPrincipal, PlaceOrder, String)}, from the browser or device
	 * {@code deviceId} (its first-party visitor cookie; anything not shaped like one is
	 * ignored): told to listeners of {@link OrderEvents.OrderPlaced}, not stored with the order.
	 */
	@Transactional
	public OrderView place(AccountPrincipal buyer, PlaceOrder request, String idempotencyKey, String deviceId) {
		IdempotencyKeys.checked(idempotencyKey);
		List<UUID> skuIds = request.items().stream().map(PlaceOrder.Item::skuId).toList();
		Listing listing = shops.listing(request.listingId(), skuIds).orElseThrow(() -> shops.listing(request.listingId())
			.isPresent() ? Problem.invalidField("items", "no SKU of this order is in the listing")
					: Problem.invalidField("listingId", "no such listing"));
		// read with the listing, so an open shop pays no extra query; a retry of an order placed
		// before the suspension still replays it
		if (listing.shopSuspended()
				&& (idempotencyKey == null || rows.findKey(buyer.accountId(), idempotencyKey).isEmpty())) {
			throw Problem.conflict("shop-suspended", "Shop suspended",
					"This shop is not taking orders at the moment: it is suspended until an operator has reviewed it.");
		}
		String shipPhone = PhoneNumbers.normalise(request.shipTo().phone())
			.orElseThrow(() -> Problem.invalidField("shipTo.phone", "is not a phone number"));
		Instant now = clock.instant();
		UUID orderId = Ids.newId();
		if (idempotencyKey != null) {
			String hash = IdempotencyKeys.requestHash(request);
			if (!rows.claimKey(buyer.accountId(), idempotencyKey, hash, orderId, now)) {
				var used = rows.findKey(buyer.accountId(), idempotencyKey).orElseThrow();
				if (!used.requestHash().equals(hash)) {
					throw IdempotencyKeys.reused();
				}
				return views.of(rows.find(used.orderId()).orElseThrow());
			}
		}
		GroupBuyPolicy.GroupTerms group = group(buyer, listing, request, orderId, now);
		List<Order.Line> lines = lines(listing, request.items(), group);
		long goods = lines.stream().mapToLong(l -> Math.multiplyExact(l.unitPrice(), (long) l.quantity())).sum();
		long supply = lines.stream().mapToLong(l -> Math.multiplyExact(l.unitSupplyPrice(), (long) l.quantity())).sum();
		long total = goods + listing.shippingFee();
		UUID paymentId = Ids.newId();
		Order order = new Order(orderId, listing.shopId(), listing.supplierId(), listing.id(), buyer.accountId(),
				OrderStatus.PENDING_PAYMENT, goods, supply, listing.shippingFee(), 0, total, listing.currency(),
				platformFeeBps, paymentId, request.shipTo().name().strip(), shipPhone, request.shipTo().address().strip(),
				request.shareCode(), null, null, now, now.plus(settings.paymentTimeout()), null, null, null, null, null,
				null, group == null ? null : group.groupId(), group != null);
		rows.insert(order, lines);
		PaymentView payment = payments.open(paymentId, orderId, listing.shopId(), buyer.accountId(), total,
				listing.currency());
		// published before the stock is taken: listeners' bookkeeping must not lengthen the hot row's lock
		events.publishEvent(new OrderEvents.OrderPlaced(orderId, listing.shopId(), listing.id(), buyer.accountId(),
				request.shareCode(), total, now, OrderOrigin.address(request.shipTo().address()),
				OrderOrigin.deviceId(deviceId)));
		if (!catalog.reserve(lines.stream().map(l -> new StockLine(l.skuId(), l.quantity())).toList())) {
			throw Problem.conflict("out-of-stock", "Out of stock", "There is not enough stock left for this order.");
		}
		return views.of(order, lines, payment);
	}

	/**
	 * Whether this buyer has already placed an order under this idempotency key: asking again
	 * is a retry of that order (answered with it, or 409 for another request), not a new one.
	 */
	@Transactional(readOnly = true)
	public boolean keyUsed(AccountPrincipal buyer, String idempotencyKey) {
		return IdempotencyKeys.checked(idempotencyKey) != null
				&& rows.findKey(buyer.accountId(), idempotencyKey).isPresent();
	}

	/**
	 * The group of a group-buy order (a new one for a deal, or the one joined), asked of the
	 * group-buy policy; null for an ordinary order.
	 */
	private GroupBuyPolicy.GroupTerms group(AccountPrincipal buyer, Listing listing, PlaceOrder request, UUID orderId,
			Instant now) {
		if (request.groupDealId() == null && request.groupId() == null) {
			return null;
		}
		if (request.groupDealId() != null && request.groupId() != null) {
			throw Problem.invalidField("groupId", "give either groupDealId (start a group) or groupId (join one)");
		}
		GroupBuyPolicy policy = groupBuys.getIfAvailable();
		if (policy == null) {
			throw Problem.unprocessable("group-buy-unavailable", "Group buys unavailable",
					"Group buys are not offered here.");
		}
		GroupBuyPolicy.GroupTerms terms = policy.join(new GroupBuyPolicy.GroupJoin(orderId, buyer.accountId(),
				buyer.name(), listing.shopId(), listing.id(), request.groupDealId(), request.groupId(), now));
		if (request.items().size() != 1 || !request.items().get(0).skuId().equals(terms.skuId())) {
			throw Problem.invalidField("items", "a group-buy order holds the group deal's SKU only");
		}
		return terms;
	}

	private static List<Order.Line> lines(Listing listing, List<PlaceOrder.Item> items,
			GroupBuyPolicy.GroupTerms group) {
		List<Order.Line> lines = new ArrayList<>();
		var seen = new HashSet<UUID>();
		for (PlaceOrder.Item item : items) {
			if (!seen.add(item.skuId())) {
				throw Problem.invalidField("items", "SKU " + item.skuId() + " appears twice");
			}
			Listing.ListedSku sku = listing.sku(item.skuId())
				.orElseThrow(() -> Problem.invalidField("items", "SKU " + item.skuId() + " is not in this listing"));
			long price = group == null ? sku.price() : group.unitPrice();
			if (price < sku.minRetailPrice()) {
				throw Problem.conflict("listing-below-floor", "Listing needs a new price",
						"The supplier raised the minimum price of " + sku.name() + "; the seller must reprice it.");
			}
			lines.add(new Order.Line(lines.size() + 1, sku.id(), listing.title(), sku.name(), item.quantity(), price,
					sku.supplyPrice()));
		}
		return lines;
	}

	/** The order, if the caller is its buyer, its seller, its supplier or an operator; else 404. */
	@Transactional(readOnly = true)
	public OrderView order(UUID orderId, AccountPrincipal caller) {
		return views.of(visible(orderId, caller));
	}

	@Transactional(readOnly = true)
	public Optional<OrderView> orderOfBuyer(UUID orderId, UUID buyerId) {
		return rows.find(orderId).filter(o -> o.buyerAccountId().equals(buyerId)).map(views::of);
	}

	Order visible(UUID orderId, AccountPrincipal caller) {
		Order order = rows.find(orderId).orElseThrow(() -> Problem.notFound("The order"));
		boolean allowed = caller.operator() || caller.is(order.buyerAccountId())
				|| shops.owns(order.shopId(), caller.accountId())
				|| catalog.supplier(order.supplierId()).map(s -> caller.is(s.ownerAccountId())).orElse(false);
		if (!allowed) {
			throw Problem.notFound("The order");
		}
		return order;
	}

	Order ownOrder(UUID orderId, AccountPrincipal caller) {
		Order order = visible(orderId, caller);
		if (!caller.is(order.buyerAccountId())) {
			throw Problem.forbidden("Only the buyer may do this.");
		}
		return order;
	}

}
