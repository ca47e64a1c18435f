package org.antifraud.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.antifraud.document.DocumentProperties;
import org.antifraud.document.LetterType;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The letter templates, read at start: the shipped ones under
 * {@code org/antifraud/document/letters/}, each replaced by a file of the same name in
 * {@code antifraud.documents.template-dir} when there is one.
 */
@Component
class LetterTemplates {

	private final Map<LetterType, LetterTemplate> templates = new EnumMap<>(LetterType.class);

	LetterTemplates(DocumentProperties properties) {
		for (LetterType type : LetterType.values()) {
			String file = type.template() + ".txt";
			this.templates.put(type, LetterTemplate.parse(type.template(), read(properties.templateDir(), file)));
		}
	}

	LetterTemplate get(LetterType type) {
		return this.templates.get(type);
	}

	private static String read(Path directory, String file) {
		try {
			if (directory != null && Files.isRegularFile(directory.resolve(file))) {
				return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
			}
			return new ClassPathResource("org/antifraud/document/letters/" + file)
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read letter template " + file, ex);
		}
	}

}
