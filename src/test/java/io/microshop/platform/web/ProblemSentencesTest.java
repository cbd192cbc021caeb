package io.microshop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every refusal a page can show has a Chinese sentence: the details of problems are English,
 * so a problem type without {@code problem.<type>} in the Chinese bundle would put English on
 * a Chinese page. Reads the problem types out of the sources, so a new type needs its sentence.
 */
class ProblemSentencesTest {

	/** Types only an API caller or a payment provider ever meets, never a page. */
	private static final Set<String> API_ONLY = Set.of("invalid-webhook", "unauthorized", "internal", "http-400");

	private static final Pattern TYPE = Pattern.compile(
			"Problem\\.(?:conflict|unprocessable|tooManyRequests)\\(\\s*\"([a-z0-9-]+)\""
					+ "|new Problem\\(\\s*[\\w.]+\\s*,\\s*\"([a-z0-9-]+)\"" + "|\\bTYPE = \"([a-z0-9-]+)\"");

	@Test
	void everyProblemTypeThrownInTheCodeHasAChineseSentence() throws IOException {
		Set<String> types = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = TYPE.matcher(Files.readString(source));
				while (m.find()) {
					for (int g = 1; g <= m.groupCount(); g++) {
						if (m.group(g) != null) {
							types.add(m.group(g));
						}
					}
				}
			}
		}
		Properties chinese = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("src", "main", "resources", "i18n", "common.properties"),
				StandardCharsets.UTF_8)) {
			chinese.load(in);
		}

		// the scan finds what it should: types thrown in several ways
		assertThat(types).contains("out-of-stock", "slug-taken", "rate-limited", "insufficient-balance");
		types.removeAll(API_ONLY);
		assertThat(types.stream().filter(t -> chinese.getProperty("problem." + t) == null))
			.as("problem types without a problem.<type> sentence in i18n/common.properties").isEmpty();
	}

}
