package io.microshop.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript: a cookie jar, forms posted with the CSRF token read from the
 * page that shows them, redirects not followed (so tests see where they lead).
 */
final class FormClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	FormClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Signs a phone in by code; the code is read where the dev SMS gateway keeps it. */
	static FormClient signedIn(String baseUrl, JdbcClient jdbc, String phone) {
		FormClient browser = new FormClient(baseUrl);
		browser.post("/sign-in/code", "/sign-in", Map.of("phone", phone));
		String text = jdbc.sql("SELECT text FROM dev_sms_messages WHERE phone = ? ORDER BY id DESC LIMIT 1")
			.param(phone)
			.query(String.class)
			.single();
		Matcher code = Pattern.compile("(\\d{6})").matcher(text);
		assertThat(code.find()).isTrue();
		Page signedIn = browser.post("/sign-in", "/sign-in", Map.of("phone", phone, "code", code.group(1)));
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
		return browser;
	}

	Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
	}

	Page post(String path, String formPage, Map<String, String> fields) {
		return postAll(path, formPage, fields.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
	}

	/** Posts fields in order, a name may repeat (rows of a form): each entry is [name, value]. */
	Page postAll(String path, String formPage, List<List<String>> fields) {
		Matcher token = CSRF.matcher(get(formPage).body());
		assertThat(token.find()).as("a CSRF token on " + formPage).isTrue();
		Map<String, String> csrf = new LinkedHashMap<>();
		csrf.put("_csrf", token.group(1));
		String form = java.util.stream.Stream
			.concat(fields.stream(), csrf.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())))
			.map(f -> enc(f.get(0)) + "=" + enc(f.get(1)))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.header("Accept", "text/html").header("Accept-Language", "en").build(),
					HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").map(l -> l.replace(baseUrl, "")).orElse(null);
			return new Page(response.statusCode(), response.body(), location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** An answer: status, the HTML, and where a redirect points (site-relative). */
	record Page(int status, String body, String location) {
	}

}
