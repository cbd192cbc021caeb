package io.microshop.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.microshop.support.Api;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;

/** What the complaint tests share: orders in a given state, complaints and decisions. */
final class ComplaintFixtures {

	// supply 20.00, price 39.00, shipping 8.00: 2 units pay 86.00, the margin is 19.00 per unit
	static final long SUPPLY = 2_000;

	static final long PRICE = 3_900;

	static final long SHIPPING = 800;

	private ComplaintFixtures() {
	}

	static Market market(Scenario scenario) {
		return scenario.market(SUPPLY, 3_000, PRICE, 50, SHIPPING);
	}

	/** A paid order of {@code quantity} units, through a share code when one is given. */
	static Api.Response paidOrder(Scenario scenario, Market market, User buyer, int quantity, String shareCode) {
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), quantity);
		if (shareCode != null) {
			body.put("shareCode", shareCode);
		}
		return scenario.paidOrder(buyer, body);
	}

	/** A paid, shipped and received order: in its protection window. */
	static String receivedOrder(Scenario scenario, Market market, User buyer, String shareCode) {
		String orderId = paidOrder(scenario, market, buyer, 2, shareCode).id();
		scenario.ship(market, orderId);
		scenario.receive(buyer, orderId);
		return orderId;
	}

	static Api.Response complain(Api api, User buyer, String orderId) {
		return api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(),
				Api.map("reason", "DAMAGED", "text", "The tin arrived crushed and the tea is spilled."));
	}

	static String openComplaint(Api api, User buyer, String orderId) {
		var complaint = complain(api, buyer, orderId);
		assertThat(complaint.status()).as(complaint.toString()).isEqualTo(201);
		return complaint.id();
	}

	static Api.Response decide(Api api, String token, String complaintId, Object body) {
		return api.post("/api/v1/ops/complaints/" + complaintId + "/decision", token, body);
	}

}
