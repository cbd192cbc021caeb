package io.microshop.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.persistence.OrderRows;
import io.microshop.ordering.persistence.ShopSalesRows;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.shop.Shops;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a shop sold, for its seller (404 unknown shop, 403 another seller's): the totals of a
 * time range, the sales per local day, the best-selling listings, and its orders filtered by
 * status and the time they were placed. A sale is an order paid in the range that was neither
 * cancelled nor refunded, counted at its total less partial refunds.
 */
@Service
public class ShopSales {

	private final ShopSalesRows rows;

	private final OrderRows orders;

	private final OrderViews views;

	private final Shops shops;

	ShopSales(ShopSalesRows rows, OrderRows orders, OrderViews views, Shops shops) {
		this.rows = rows;
		this.orders = orders;
		this.views = views;
		this.shops = shops;
	}

	/** Orders placed, orders paid and their sales, from {@code from} (included) to {@code to} (excluded). */
	@Transactional(readOnly = true)
	public Summary summary(UUID shopId, AccountPrincipal caller, Instant from, Instant to) {
		shops.requireOwned(shopId, caller);
		long[] sold = rows.sold(shopId, from, to);
		return new Summary(rows.placed(shopId, from, to), sold[0], sold[1]);
	}

	/** One entry per local day of {@code zone} from {@code first} to {@code last}, zeros included, oldest first. */
	@Transactional(readOnly = true)
	public List<DaySales> daily(UUID shopId, AccountPrincipal caller, LocalDate first, LocalDate last, ZoneId zone) {
		shops.requireOwned(shopId, caller);
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
		Map<LocalDate, ShopSalesRows.Day> found = rows.daily(shopId, from, to, zone.getId())
			.stream()
			.collect(Collectors.toMap(ShopSalesRows.Day::day, Function.identity()));
		List<DaySales> days = new ArrayList<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			ShopSalesRows.Day day = found.get(d);
			days.add(day == null ? new DaySales(d, 0, 0) : new DaySales(d, day.paidOrders(), day.sales()));
		}
		return days;
	}

	/** The best-selling listings from {@code from} (included) to {@code to} (excluded), at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<ListingSales> topListings(UUID shopId, AccountPrincipal caller, Instant from, Instant to, int limit) {
		shops.requireOwned(shopId, caller);
		return rows.topListings(shopId, from, to, Math.max(1, Math.min(limit, 50)))
			.stream()
			.map(r -> new ListingSales(r.listingId(), r.title(), r.paidOrders(), r.units(), r.sales()))
			.toList();
	}

	/**
	 * The shop's orders, newest first: of one status (null: all), placed from {@code from}
	 * (included) to {@code to} (excluded); a null end is open.
	 */
	@Transactional(readOnly = true)
	public PageOf<OrderView> orders(UUID shopId, AccountPrincipal caller, OrderStatus status, Instant from, Instant to,
			PageRequest page) {
		shops.requireOwned(shopId, caller);
		List<OrderView> items = rows.page(shopId, status, from, to, page)
			.stream()
			.flatMap(id -> orders.find(id).stream())
			.map(views::of)
			.toList();
		return new PageOf<>(items, page.page(), page.size(), rows.count(shopId, status, from, to));
	}

	/** A range's orders placed, orders paid and sales (fen). */
	public record Summary(long orders, long paidOrders, long sales) {
	}

	/** One local day's paid orders and sales (fen). */
	public record DaySales(LocalDate day, long paidOrders, long sales) {
	}

	/** A listing's paid orders, units sold and sales (fen) in a range. */
	public record ListingSales(UUID listingId, String title, long paidOrders, long units, long sales) {
	}

}
