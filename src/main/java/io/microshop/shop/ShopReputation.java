package io.microshop.shop;

import java.util.UUID;

/**
 * A shop's reputation as buyers see it on its page: the one extension point through which
 * trust, which judges complaints, shows its figure here without this module depending on it.
 * Without an implementation every shop's complaint rate is 0.
 */
public interface ShopReputation {

	/** Upheld complaints over orders received in the recent window, within [0, 1]; 0 without orders. */
	double complaintRate(UUID shopId);

}
