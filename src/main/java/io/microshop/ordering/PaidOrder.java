package io.microshop.ordering;

import java.util.List;
import java.util.UUID;

/**
 * An order at the moment it is paid, as a {@link CommissionPolicy} sees it: its shop, its
 * buyer, the share code it came through and its lines with the prices they were sold at.
 */
public record PaidOrder(UUID orderId, UUID shopId, UUID buyerId, String shareCode, List<Line> lines) {

	public PaidOrder {
		lines = List.copyOf(lines);
	}

	/** One line: {@code unitPrice} is the retail price, {@code unitSupplyPrice} the supplier's, in fen. */
	public record Line(UUID skuId, int quantity, long unitPrice, long unitSupplyPrice) {
	}

}
