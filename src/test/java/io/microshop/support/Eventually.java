package io.microshop.support;

/**
 * Retries an assertion until it passes: listeners run after their transaction committed, on
 * threads of their own, so what they do shows a moment later.
 */
public final class Eventually {

	private static final long DEADLINE_MS = 10_000;

	private static final long STEP_MS = 100;

	private Eventually() {
	}

	/** Runs the check every 100 ms until it passes; after 10 seconds its last failure is thrown. */
	public static void eventually(Runnable check) {
		long deadline = System.currentTimeMillis() + DEADLINE_MS;
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError ex) {
				if (System.currentTimeMillis() > deadline) {
					throw ex;
				}
				Scenario.sleep(STEP_MS);
			}
		}
	}

}
