package io.microshop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A browser without JavaScript for the pages: a cookie jar (so the share cookies set
 * by {@code /r/{code}} come back like a browser's), forms posted with the page's CSRF token,
 * redirects not followed.
 */
public final class WebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	public WebClient(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Signs a phone in by the one-time code the dev SMS gateway kept. */
	public static WebClient signedIn(String baseUrl, JdbcClient jdbc, String phone) {
		WebClient browser = new WebClient(baseUrl);
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

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
	}

	public Page post(String path, String formPage, Map<String, String> fields) {
		return postAll(path, formPage, fields.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
	}

	/** Posts fields in order, a name may repeat (rows of a form): each entry is [name, value]. */
	public Page postAll(String path, String formPage, List<List<String>> fields) {
		Matcher token = CSRF.matcher(get(formPage).body());
		assertThat(token.find()).as("a CSRF token on " + formPage).isTrue();
		String form = fields.stream()
			.map(f -> enc(f.get(0)) + "=" + enc(f.get(1)))
			.collect(Collectors.joining("&", "", (fields.isEmpty() ? "" : "&") + "_csrf=" + enc(token.group(1))));
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** Puts a cookie in this browser's jar, as if the site had set it before. */
	public void setCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(URI.create(baseUrl), cookie);
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue).findFirst();
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.header("Accept", "text/html").header("Accept-Language", "en").build(),
					HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").map(l -> l.replace(baseUrl, "")).orElse(null);
			return new Page(response.statusCode(), response.body(), location, response.headers().allValues("Set-Cookie"));
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

	/** An answer: status, the HTML, where a redirect points (site-relative) and the cookies set. */
	public record Page(int status, String body, String location, List<String> setCookies) {
	}

}
