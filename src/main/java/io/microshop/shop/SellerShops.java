package io.microshop.shop;

import java.util.List;
import java.util.Optional;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.web.FormValues;

/**
 * The signed-in seller's shops and the one a page of the seller console is about: the shop
 * its {@code shop} parameter names when that shop is theirs, otherwise their first. A
 * parameter that is missing, malformed or names someone else's shop shows the seller their
 * first shop, never another's. Every tab of the console chooses this way, whichever module
 * owns it.
 *
 * @param all the seller's shops, never empty
 * @param current the shop the page shows, one of {@code all}
 */
public record SellerShops(List<Shop> all, Shop current) {

	/** The seller's choice; empty when they have no shop, for the page to send them elsewhere. */
	public static Optional<SellerShops> of(Shops shops, AccountPrincipal seller, String wanted) {
		List<Shop> mine = shops.shopsOf(seller.accountId());
		if (mine.isEmpty()) {
			return Optional.empty();
		}
		Shop current = FormValues.uuid(wanted)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
		return Optional.of(new SellerShops(mine, current));
	}

}
