/**
 * Platform: what every business module stands on and nothing more. The embedded PostgreSQL
 * used when no datasource is configured, the injected {@link java.time.Clock}, the
 * problem-details vocabulary ({@link io.microshop.platform.Problem}) and the page record used
 * by list endpoints, and named rate limits kept in PostgreSQL so they hold across nodes
 * ({@link io.microshop.platform.ratelimit.RateLimits}; each module names and sizes its own). It
 * knows no business concept.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.microshop.platform;
