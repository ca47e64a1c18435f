package org.antifraud.document.internal;

/**
 * Where document bytes live. Write once: a key is never written twice, so an issued
 * letter cannot be overwritten. The default keeps files under {@code ./data/documents};
 * object storage can take its place behind this interface.
 */
interface DocumentStorage {

	/** Stores {@code bytes} under a new key. */
	void put(String key, byte[] bytes);

	/** The bytes stored under {@code key}. */
	byte[] get(String key);

}
