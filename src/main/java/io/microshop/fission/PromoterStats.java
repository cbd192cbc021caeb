package io.microshop.fission;

/**
 * A promoter of a shop with what its links sold: paid orders (not cancelled, not flagged),
 * their sales and the commissions it earned on them, not cancelled (fen).
 */
public record PromoterStats(Promoter promoter, long paidOrders, long sales, long commissions) {
}
