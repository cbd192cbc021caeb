package io.microshop.console.web;

import java.util.ArrayList;
import java.util.List;

import io.microshop.ordering.ShopSales.DaySales;

/**
 * Sales per day as SVG bars, one per day of the period, drawn on the server so the dashboard
 * needs no chart library. Bars scale to the best day; a day without sales keeps a hairline so
 * the count of days stays visible.
 */
record SalesChart(int width, int height, List<Bar> bars, List<Label> labels, long max, long total) {

	static final int WIDTH = 320;

	static final int HEIGHT = 150;

	static final int PAD = 20;

	static final int BASE = HEIGHT - PAD;

	static SalesChart of(List<DaySales> days) {
		long max = Math.max(1, days.stream().mapToLong(DaySales::sales).max().orElse(0));
		int n = Math.max(1, days.size());
		int slot = (WIDTH - 2 * PAD) / n;
		int barWidth = Math.max(2, slot * 7 / 10);
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		int every = Math.max(1, (days.size() + 5) / 6);
		for (int i = 0; i < days.size(); i++) {
			DaySales d = days.get(i);
			int h = (int) Math.max(1, d.sales() * (BASE - PAD) / max);
			int x = PAD + i * slot + (slot - barWidth) / 2;
			bars.add(new Bar(x, BASE - h, barWidth, h, d));
			if (i % every == 0 || i == days.size() - 1 && days.size() <= 7) {
				labels.add(new Label(x + barWidth / 2, HEIGHT - 5, d.day().toString().substring(5)));
			}
		}
		return new SalesChart(WIDTH, HEIGHT, bars, labels, max, days.stream().mapToLong(DaySales::sales).sum());
	}

	/** The best day's sales (fen), 0 when nothing sold. */
	public long best() {
		return total == 0 ? 0 : max;
	}

	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

	public int base() {
		return BASE;
	}

	/** One day's bar. */
	record Bar(int x, int y, int width, int height, DaySales day) {
	}

	/** A day's label under the axis, month-day. */
	record Label(int x, int y, String text) {
	}

}
