package io.microshop.ordering.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.identity.PhoneNumbers;
import io.microshop.ordering.OrderView;
import io.microshop.ordering.PlaceOrder;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.shop.Listing;

/**
 * The one-page checkout as typed: every field a string, so nothing a visitor sends can fail
 * before we can answer it in the form with a sentence.
 */
record CheckoutForm(String sku, String quantity, String name, String phone, String address, String code,
		String expectedTotal, String checkoutKey, String deal, String group) {

	static final int MAX_QUANTITY = 999;

	/** A fresh form: the first SKU in stock, one piece, the last delivery address if known. */
	static CheckoutForm initial(Listing listing, String phone, Optional<OrderView.ShipTo> lastShipTo) {
		return initial(listing, phone, lastShipTo, null, null);
	}

	/**
	 * A fresh form for a group buy: {@code deal} starts a group of that deal, {@code group}
	 * joins that group (either may be null; ids as typed in the link).
	 */
	static CheckoutForm initial(Listing listing, String phone, Optional<OrderView.ShipTo> lastShipTo, String deal,
			String group) {
		String sku = listing.skus()
			.stream()
			.filter(s -> s.available() > 0)
			.findFirst()
			.map(s -> s.id().toString())
			.orElse(null);
		return new CheckoutForm(sku, "1", lastShipTo.map(OrderView.ShipTo::name).orElse(""),
				lastShipTo.map(OrderView.ShipTo::phone).orElse(phone == null ? "" : phone),
				lastShipTo.map(OrderView.ShipTo::address).orElse(""), "", null, null, blankToNull(deal),
				blankToNull(group));
	}

	CheckoutForm withPhone(String normalised) {
		return new CheckoutForm(sku, quantity, name, normalised, address, code, expectedTotal, checkoutKey, deal,
				group);
	}

	/** True when this checkout starts or joins a group buy: the group's price applies, not the listing's. */
	public boolean groupBuy() {
		return blankToNull(deal) != null || blankToNull(group) != null;
	}

	/** The SKU picked, if it is one of this listing's. */
	Optional<Listing.ListedSku> chosen(Listing listing) {
		return FormValues.uuid(sku).flatMap(listing::sku);
	}

	/** The quantity typed, or 1 when it is not a number (the page shows a total anyway). */
	int quantityOrOne() {
		try {
			int q = Integer.parseInt(quantity == null ? "" : quantity.strip());
			return q >= 1 && q <= MAX_QUANTITY ? q : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/** What this order costs: price x quantity + the shipping fee. */
	long total(Listing listing) {
		long price = chosen(listing).map(Listing.ListedSku::price).orElse(listing.fromPrice());
		return Math.addExact(Math.multiplyExact(price, (long) quantityOrOne()), listing.shippingFee());
	}

	/**
	 * The order to place, or a refusal that says which field to fix; the share link the buyer
	 * came through is added by {@link PlaceOrder#sharedBy}.
	 */
	PlaceOrder toOrder(Listing listing) {
		Listing.ListedSku chosen = chosen(listing)
			.orElseThrow(() -> refuse("sku", "Choose one of the options."));
		int q;
		try {
			q = Integer.parseInt(quantity == null ? "" : quantity.strip());
		}
		catch (NumberFormatException ex) {
			throw refuse("quantity", "Enter a quantity from 1 to " + MAX_QUANTITY + ".");
		}
		if (q < 1 || q > MAX_QUANTITY) {
			throw refuse("quantity", "Enter a quantity from 1 to " + MAX_QUANTITY + ".");
		}
		if (q > chosen.available()) {
			throw refuse("quantity", chosen.available() == 0 ? chosen.name() + " is sold out."
					: "Only " + chosen.available() + " of " + chosen.name() + " left.");
		}
		String n = required("name", name, 100, "Enter the name to deliver to.");
		String a = required("address", address, 500, "Enter the delivery address.");
		String p = PhoneNumbers.normalise(phone).orElseThrow(() -> refuse("phone", "Enter a valid mobile number."));
		UUID dealId = groupRef(deal);
		UUID groupId = groupRef(group);
		return new PlaceOrder(listing.id(), List.of(new PlaceOrder.Item(chosen.id(), q)), new PlaceOrder.ShipTo(n, p, a),
				null, dealId, groupId);
	}

	/** The total the Pay button showed, if the form carried one. */
	Optional<Long> shownTotal() {
		try {
			return Optional.of(Long.parseLong(expectedTotal == null ? "" : expectedTotal.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The key that makes a double-tapped Pay place one order, if it looks like ours. */
	String idempotencyKey() {
		return FormValues.uuid(checkoutKey).map(id -> "checkout-" + id).orElse(null);
	}

	/** A group deal or group id from the link; a mangled one is refused rather than silently ignored. */
	private static UUID groupRef(String value) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		return FormValues.uuid(v)
			.orElseThrow(() -> refuse("group", "This group-buy link is broken. Open the group's page again."));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String required(String field, String value, int max, String message) {
		if (value == null || value.isBlank()) {
			throw refuse(field, message);
		}
		if (value.strip().length() > max) {
			throw refuse(field, "Keep it under " + max + " characters.");
		}
		return value.strip();
	}

	private static Problem refuse(String field, String message) {
		return Problem.invalidField(field, message);
	}

}
