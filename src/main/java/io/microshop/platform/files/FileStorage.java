package io.microshop.platform.files;

import java.util.Optional;

/**
 * Where uploaded files (verification documents, complaint photos, product images) are kept:
 * a port, so a deployment can put them in an object store. Files are written once under a
 * key the platform chooses and never changed.
 */
public interface FileStorage {

	/** Stores the bytes and returns their key. */
	String put(String folder, FileKind kind, byte[] bytes);

	/** The bytes stored under a key, if any. */
	Optional<byte[]> get(String key);

}
