package io.microshop.fission.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.microshop.fission.Channel;
import io.microshop.fission.ShareStats;

/**
 * A bar chart of visits, orders and paid orders per channel, laid out here and drawn by the
 * template as plain SVG: no script, no chart library. Bars run sideways, one group of three
 * per channel, so the chart reads on a phone's width.
 */
record ChannelChart(int width, int height, List<Bar> bars, List<Label> labels) {

	static final int WIDTH = 360;

	private static final int LABEL_WIDTH = 78;

	private static final int VALUE_ROOM = 40;

	private static final int BAR = 11;

	private static final int GAP = 2;

	private static final int GROUP_GAP = 12;

	private static final String[] KINDS = { "visits", "orders", "paid" };

	static ChannelChart of(Map<Channel, ShareStats> byChannel) {
		long max = 1;
		for (ShareStats s : byChannel.values()) {
			max = Math.max(max, Math.max(s.visits(), s.orders()));
		}
		int room = WIDTH - LABEL_WIDTH - VALUE_ROOM;
		int group = 3 * BAR + 2 * GAP + GROUP_GAP;
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		int y = GROUP_GAP / 2;
		for (Channel channel : Channel.values()) {
			ShareStats s = byChannel.getOrDefault(channel, ShareStats.NONE);
			long[] values = { s.visits(), s.orders(), s.paidOrders() };
			for (int k = 0; k < 3; k++) {
				int w = (int) Math.round((double) values[k] * room / max);
				int by = y + k * (BAR + GAP);
				bars.add(new Bar(LABEL_WIDTH, by, w, BAR, KINDS[k], values[k], LABEL_WIDTH + w + 4, by + BAR - 1,
						channel.key() + " " + KINDS[k] + ": " + values[k]));
			}
			labels.add(new Label(LABEL_WIDTH - 6, y + BAR + GAP + BAR - 1, channel.key()));
			y += group;
		}
		return new ChannelChart(WIDTH, y - GROUP_GAP / 2, bars, labels);
	}

	/** Where the bars start: the axis. */
	public int axis() {
		return LABEL_WIDTH;
	}

	public String viewBox() {
		return "0 0 " + width + " " + height;
	}

	/** One bar, with where its value is written and what a screen reader says of it. */
	record Bar(int x, int y, int width, int height, String kind, long value, int valueX, int valueY, String title) {
	}

	/** A channel's name, right-aligned at the axis. */
	record Label(int x, int y, String text) {
	}

}
