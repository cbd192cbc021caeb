package io.microshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/scaling.md names a distribution key for every table the migrations create, and every
 * table carries the column it names: the schema stays true to the plan for Citus.
 */
class ScalingDocumentTest {

	private static final Pattern CREATE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern ADD_COLUMN = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (`(\\w+)`|local|reference) \\|");

	@Test
	void everyTableCarriesTheDistributionKeyTheDocumentNames() throws IOException {
		Map<String, Set<String>> columns = tablesAndColumns();
		Map<String, String> keys = new HashMap<>();
		for (String line : Files.readAllLines(Path.of("docs", "scaling.md"))) {
			Matcher m = ROW.matcher(line);
			if (m.find()) {
				keys.put(m.group(1), m.group(3) == null ? m.group(2) : m.group(3));
			}
		}

		List<String> problems = new ArrayList<>();
		for (var table : columns.entrySet()) {
			String key = keys.get(table.getKey());
			if (key == null) {
				problems.add(table.getKey() + ": no distribution key in docs/scaling.md");
			}
			else if (!key.equals("local") && !key.equals("reference") && !table.getValue().contains(key)) {
				problems.add(table.getKey() + ": the document names " + key + " but the table has " + table.getValue());
			}
		}
		for (String documented : keys.keySet()) {
			if (!columns.containsKey(documented)) {
				problems.add(documented + ": in docs/scaling.md but no migration creates it");
			}
		}
		System.out.printf("scaling document: %d tables, each with its distribution key%n", columns.size());
		assertThat(problems).isEmpty();
		assertThat(columns).hasSizeGreaterThan(40);
	}

	private static Map<String, Set<String>> tablesAndColumns() throws IOException {
		Map<String, Set<String>> tables = new HashMap<>();
		List<String> scripts = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "db", "migration"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
				scripts.add(Files.readString(file));
			}
		}
		for (String sql : scripts) {
			Matcher create = CREATE.matcher(sql);
			while (create.find()) {
				Set<String> names = new HashSet<>();
				for (String line : create.group(2).split("\\n")) {
					String trimmed = line.strip();
					if (trimmed.isEmpty() || trimmed.startsWith("--")) {
						continue;
					}
					String first = trimmed.split("[\\s(,]+")[0].toLowerCase(Locale.ROOT);
					if (!Set.of("primary", "unique", "check", "constraint", "foreign", "exclude").contains(first)) {
						names.add(first);
					}
				}
				tables.put(create.group(1).toLowerCase(Locale.ROOT), names);
			}
		}
		for (String sql : scripts) {
			Matcher add = ADD_COLUMN.matcher(sql);
			while (add.find()) {
				tables.computeIfAbsent(add.group(1).toLowerCase(Locale.ROOT), t -> new HashSet<>())
					.add(add.group(2).toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

}
