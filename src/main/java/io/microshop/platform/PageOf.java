package io.microshop.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer: {@code {items, page, size, total}}. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

	public <R> PageOf<R> map(Function<T, R> f) {
		return new PageOf<>(items.stream().map(f).toList(), page, size, total);
	}

}
