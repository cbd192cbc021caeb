package io.microshop.fission.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import io.microshop.fission.persistence.FissionStatsRows.DayFunnel;

/**
 * The funnel over time as three SVG polylines (visits, orders, paid orders), one point per
 * day, drawn on the server so the console needs no chart library.
 */
record FunnelChart(int width, int height, String visits, String orders, String paid, long max, List<Label> labels,
		List<DayFunnel> days) {

	static final int WIDTH = 320;

	static final int HEIGHT = 140;

	static final int PAD = 20;

	static FunnelChart of(List<DayFunnel> days) {
		long max = Math.max(1, days.stream().mapToLong(DayFunnel::visits).max().orElse(0));
		max = Math.max(max, days.stream().mapToLong(DayFunnel::orders).max().orElse(0));
		List<Label> labels = new ArrayList<>();
		for (int i = 0; i < days.size(); i += Math.max(1, days.size() / 4)) {
			labels.add(new Label(x(i, days.size()), HEIGHT - 4, days.get(i).day().toString().substring(5)));
		}
		return new FunnelChart(WIDTH, HEIGHT, points(days, DayFunnel::visits, max), points(days, DayFunnel::orders, max),
				points(days, DayFunnel::paid, max), max, labels, days);
	}

	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

	private static String points(List<DayFunnel> days, ToLongFunction<DayFunnel> value, long max) {
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < days.size(); i++) {
			long y = HEIGHT - PAD - value.applyAsLong(days.get(i)) * (HEIGHT - 2 * PAD) / max;
			points.append(i == 0 ? "" : " ").append(x(i, days.size())).append(',').append(y);
		}
		return points.toString();
	}

	private static int x(int i, int n) {
		return PAD + (n <= 1 ? 0 : i * (WIDTH - 2 * PAD) / (n - 1));
	}

	record Label(int x, int y, String text) {
	}

}
