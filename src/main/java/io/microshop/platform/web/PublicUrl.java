package io.microshop.platform.web;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute addresses of this site, for what leaves it: link previews (Open Graph), QR codes,
 * share URLs. From {@code microshop.public-url} when set (do set it in production: otherwise
 * the address is read from the request, and so from its Host header), else from the current
 * request. Templates use it as {@code ${@publicUrl.absolute('/l/' + id)}}.
 */
@Component("publicUrl")
public class PublicUrl {

	private final String configured;

	PublicUrl(@Value("${microshop.public-url:}") String configured) {
		String base = configured == null ? "" : configured.strip();
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		if (!base.isEmpty()) {
			URI uri = URI.create(base);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException("microshop.public-url must be an http(s) address, like https://shop.example");
			}
		}
		this.configured = base;
	}

	/** The absolute form of a site path ({@code /r/abc}); an address that is absolute already stays. */
	public String absolute(String path) {
		if (path.startsWith("http://") || path.startsWith("https://")) {
			return path;
		}
		String rooted = path.startsWith("/") ? path : "/" + path;
		return base() + rooted;
	}

	private String base() {
		if (!configured.isEmpty() || RequestContextHolder.getRequestAttributes() == null) {
			return configured;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
