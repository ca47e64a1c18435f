package org.antifraud.document.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.antifraud.document.DocumentProperties;

import org.springframework.stereotype.Component;

/**
 * Documents as files under {@code antifraud.documents.storage-dir}, created once, never
 * replaced.
 */
@Component
class FileDocumentStorage implements DocumentStorage {

	private final Path root;

	FileDocumentStorage(DocumentProperties properties) {
		this.root = properties.storageDir().toAbsolutePath().normalize();
	}

	@Override
	public void put(String key, byte[] bytes) {
		Path file = resolve(key);
		try {
			Files.createDirectories(file.getParent());
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				out.write(bytes);
			}
			file.toFile().setReadOnly();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store document " + key, ex);
		}
	}

	@Override
	public byte[] get(String key) {
		try {
			return Files.readAllBytes(resolve(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read document " + key, ex);
		}
	}

	private Path resolve(String key) {
		Path file = this.root.resolve(key).normalize();
		if (!file.startsWith(this.root)) {
			throw new IllegalArgumentException("Bad storage key " + key);
		}
		return file;
	}

}
