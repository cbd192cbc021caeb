package io.microshop.platform;

/** Paging asked for by a caller, clamped to sane bounds so a huge size cannot hurt. */
public record PageRequest(int page, int size) {

	public PageRequest {
		page = Math.max(0, page);
		size = Math.min(100, Math.max(1, size));
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
	}

	public long offset() {
		return (long) page * size;
	}

}
