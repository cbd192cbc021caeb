package io.microshop.fission;

import java.util.Optional;

import io.microshop.fission.persistence.ShareOrderRows;
import io.microshop.fission.persistence.ShareRows;
import io.microshop.ordering.OrderEvents.OrderCancelled;
import io.microshop.ordering.OrderEvents.OrderPaid;
import io.microshop.ordering.OrderEvents.OrderPlaced;
import io.microshop.ordering.OrderEvents.OrderRefunded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Attributes orders to share links, from ordering's events, after their transactions
 * committed (the event publication registry redelivers what a crash interrupted; every write
 * here is idempotent).
 * <p>
 * An order's share code, whether the API caller gave it or the page checkout took it from
 * the {@code ms_ref} cookie, counts when it names an existing link of the order's own shop;
 * anything else is ignored and the order simply is not attributed. The seven-day, last-click
 * window of page orders is the cookie's: {@code /r/{code}} sets it for seven days on every
 * click, and the checkout passes it only while the browser still has it. (Ordering's events
 * do not say whether a code came from the API or the cookie, so no stricter server-side check
 * is made.) Payment and cancellation only update orders recorded here: placing is handled
 * moments after its commit, paying takes a payment round-trip.
 */
@Component
class Attribution {

	private static final Logger log = LoggerFactory.getLogger(Attribution.class);

	private final ShareRows links;

	private final ShareOrderRows orders;

	Attribution(ShareRows links, ShareOrderRows orders) {
		this.links = links;
		this.orders = orders;
	}

	/** Only orders that name a share code: no event publication is stored for the others. */
	@ApplicationModuleListener(condition = "#p0.shareCode() != null")
	void on(OrderPlaced placed) {
		Optional.ofNullable(placed.shareCode())
			.filter(ShareCodes::looksLikeCode)
			.flatMap(links::findLink)
			.filter(link -> link.shopId().equals(placed.shopId()))
			.ifPresentOrElse(
					link -> orders.insertAttributed(placed.orderId(), link, placed.buyerId(), placed.total(), placed.at()),
					() -> {
						if (placed.shareCode() != null) {
							log.debug("Order {} names no share link of its shop: not attributed", placed.orderId());
						}
					});
	}

	@ApplicationModuleListener
	void on(OrderPaid paid) {
		orders.markPaid(paid.orderId(), paid.shopId(), paid.total(), paid.at());
	}

	/** A cancelled order stops counting as paid: a refunded sale was no sale. */
	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		orders.markCancelled(cancelled.orderId(), cancelled.shopId(), cancelled.at());
	}

	/** A complaint gave money back: the link's sales lose it; refunded in full, the sale stops counting. */
	@ApplicationModuleListener
	void on(OrderRefunded refunded) {
		orders.markRefunded(refunded.orderId(), refunded.shopId(), refunded.refundedTotal(), refunded.full(),
				refunded.at());
	}

}
