package io.microshop.platform;

/**
 * Where the JSON API lives. Whatever answers a request outside the controllers (security
 * filters, the outage filter, the container's error report, the language chosen for a caller
 * that names none) asks here whether the caller expects problem details and English, or a page.
 */
public final class ApiPaths {

	public static final String PREFIX = "/api/";

	private ApiPaths() {
	}

	/** Whether a request for this path (as the request line gave it; null for none) is an API call. */
	public static boolean isApi(String requestUri) {
		return requestUri != null && requestUri.startsWith(PREFIX);
	}

}
