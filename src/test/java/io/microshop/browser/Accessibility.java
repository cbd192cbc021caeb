package io.microshop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * axe-core (from the npm registry, installed by {@code npm ci --prefix tools/web-audit}; CI
 * does it) run in the page the test is on: no serious or critical violation may remain.
 * Without the package the check is skipped with a printed reason, like the browser tests
 * without Chromium.
 */
public final class Accessibility {

	static final Path AXE = Path.of("tools", "web-audit", "node_modules", "axe-core", "axe.min.js");

	private static String script;

	private static boolean warned;

	private Accessibility() {
	}

	/** Runs axe on the page as it is now and fails on any serious or critical violation. */
	public static void check(Page page) {
		String axe = axe();
		if (axe == null) {
			return;
		}
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
			// evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays as it is
			page.evaluate(axe + "\n;true");
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
				async () => {
				  const result = await axe.run(document, { resultTypes: ['violations'] });
				  return result.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')) }));
				}""");
		List<String> described = new ArrayList<>();
		for (Map<String, Object> v : violations) {
			described.add(v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at " + v.get("nodes"));
		}
		assertThat(described).as("axe-core serious/critical violations on " + page.url()).isEmpty();
	}

	private static synchronized String axe() {
		if (script == null && Files.isReadable(AXE)) {
			try {
				script = Files.readString(AXE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (script == null && !warned) {
			warned = true;
			System.out.println("axe-core not installed at " + AXE
					+ " (npm ci --prefix tools/web-audit): accessibility checks skipped");
		}
		return script;
	}

}
