package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.microshop.support.Api;
import io.microshop.support.Scenario;

/** What fission's tests share: making links, opening them as a given browser, ordering through them. */
final class ShareFixtures {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private ShareFixtures() {
	}

	static String share(Api api, Scenario.User sharer, String listingId, String channel) {
		var created = api.post("/api/v1/shares", sharer.token(), Api.map("listingId", listingId, "channel", channel));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text("channel")).isEqualTo(channel);
		return created.text("code");
	}

	/** Opens {@code /r/{code}} as the browser whose visitor cookie is {@code visitor} (none if null). */
	static HttpResponse<byte[]> open(String baseUrl, String path, String visitor) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
			.header("Accept-Language", "en");
		if (visitor != null) {
			request.header("Cookie", "ms_vid=" + visitor);
		}
		try {
			return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Api.Response orderThrough(Api api, Scenario scenario, Scenario.User buyer, Scenario.Market market,
			String shareCode) {
		return orderThrough(api, scenario, buyer, market, shareCode, 1);
	}

	/** Places an order of {@code quantity} units through the share code; it is left unpaid. */
	static Api.Response orderThrough(Api api, Scenario scenario, Scenario.User buyer, Scenario.Market market,
			String shareCode, int quantity) {
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), quantity);
		body.put("shareCode", shareCode);
		var order = api.post("/api/v1/orders", buyer.token(), body);
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		return order;
	}

	static List<String> cookiesNamed(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
	}

}
