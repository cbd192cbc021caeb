package io.microshop.platform;

import java.util.Optional;
import java.util.UUID;

/** Ids are opaque strings outside, UUIDs inside; a malformed id is simply an unknown one. */
public final class Ids {

	private Ids() {
	}

	public static UUID newId() {
		return UUID.randomUUID();
	}

	public static Optional<UUID> parse(String id) {
		if (id == null || id.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
