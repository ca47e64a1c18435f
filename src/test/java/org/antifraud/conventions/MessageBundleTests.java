package org.antifraud.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Chinese and English message bundles hold the same keys, and every message key the
 * code uses exists in them.
 */
class MessageBundleTests {

	private static final Pattern KEY_IN_CODE = Pattern.compile(
			"\"((?:error|validation|calendar|task|discipline|order|appeal|pil|rectification|interview|banking|telecom|intake|document)\\.[a-zA-Z]+)\"");

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@Test
	void bundlesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyUsedInCodeExists() throws IOException {
		Set<String> used = new HashSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = KEY_IN_CODE.matcher(Files.readString(file));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
	}

}
