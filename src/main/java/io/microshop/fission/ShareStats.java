package io.microshop.fission;

/**
 * The funnel of one link, one channel or one shop. {@code orders} counts every attributed
 * order placed; {@code paidOrders} those paid and not cancelled since; {@code sales} their
 * paid totals in fen.
 */
public record ShareStats(long visits, long uniqueVisitors, long orders, long paidOrders, long sales) {

	public static final ShareStats NONE = new ShareStats(0, 0, 0, 0, 0);

}
