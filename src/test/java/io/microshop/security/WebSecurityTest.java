package io.microshop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.microshop.support.AppTest;
import org.junit.jupiter.api.Test;

/**
 * Security headers on pages and the API, HSTS only over TLS (here: behind a proxy that says
 * so), CSRF on forms, and a fresh session id at sign-in (no session fixation).
 */
class WebSecurityTest extends AppTest {

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void pagesCarryAStrictContentSecurityPolicyAndTheOtherHeaders() throws Exception {
		HttpResponse<String> page = get("/sign-in", Map.of());
		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		String scripts = List.of(csp.split(";")).stream().map(String::strip).filter(d -> d.startsWith("script-src"))
			.findFirst().orElseThrow();
		assertThat(scripts).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(csp).contains("frame-ancestors 'none'");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
		assertThat(page.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain http").isEmpty();
		assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
	}

	@Test
	void theApiIsNeverFramedNorSniffed() throws Exception {
		HttpResponse<String> answer = get("/api/v1/shops/by-slug/nobody-here", Map.of());
		assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'none'"));
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
	}

	@Test
	void behindATlsProxyTheBrowserIsToldToStayOnHttps() throws Exception {
		HttpResponse<String> page = get("/sign-in", Map.of("X-Forwarded-Proto", "https"));
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sign-in/code"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("phone=%2B8613900000077"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM dev_sms_messages WHERE phone = '+8613900000077'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void signingInGivesANewSessionIdWhateverTheVisitorBrought() throws Exception {
		var user = scenario.user();
		String planted = "SESSION=" + java.util.Base64.getEncoder().encodeToString("attacker-chosen-id".getBytes());
		HttpResponse<String> form = get("/sign-in", Map.of("Cookie", planted));
		String cookies = planted + "; XSRF-TOKEN=" + cookie(form, "XSRF-TOKEN").orElseThrow();
		String xsrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		var sent = post("/sign-in/code", cookies, "phone=" + enc(user.phone()) + "&_csrf=" + enc(xsrf));
		assertThat(sent.statusCode()).as(sent.body()).isLessThan(400);
		String text = jdbc.sql("SELECT text FROM dev_sms_messages WHERE phone = ? ORDER BY id DESC LIMIT 1")
			.param(user.phone())
			.query(String.class)
			.single();
		String code = text.replaceAll(".*?(\\d{6}).*", "$1");
		HttpResponse<String> signedIn = post("/sign-in", cookies,
				"phone=" + enc(user.phone()) + "&code=" + code + "&_csrf=" + enc(xsrf));

		assertThat(signedIn.statusCode()).isEqualTo(302);
		String session = cookie(signedIn, "SESSION").orElseThrow();
		assertThat("SESSION=" + session).isNotEqualTo(planted);
		HttpResponse<String> withPlanted = get("/my/orders", Map.of("Cookie", planted));
		assertThat(withPlanted.statusCode()).as("the planted id is not signed in").isEqualTo(302);
		HttpResponse<String> withIssued = get("/my/orders", Map.of("Cookie", "SESSION=" + session));
		assertThat(withIssued.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
		request.header("Accept-Language", "en");
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String cookies, String form) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookies)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<String> cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.filter(v -> !v.isEmpty())
			.findFirst();
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
