package io.microshop.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files on the local disk, under {@code microshop.files.dir} (default {@code ./data/files}):
 * {@code <folder>/<random id>.<extension>}. Keys are checked against a strict pattern, so a
 * key can never point outside the directory.
 */
@Component
class LocalFileStorage implements FileStorage {

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,30}/[0-9a-f-]{36}\\.[a-z]{3,4}");

	private final Path root;

	LocalFileStorage(@Value("${microshop.files.dir:./data/files}") Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public String put(String folder, FileKind kind, byte[] bytes) {
		String key = folder + "/" + UUID.randomUUID() + "." + kind.extension();
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("bad folder name " + folder);
		}
		Path file = root.resolve(key);
		try {
			Files.createDirectories(file.getParent());
			Path temporary = Files.createTempFile(file.getParent(), ".upload", ".tmp");
			Files.write(temporary, bytes, StandardOpenOption.TRUNCATE_EXISTING);
			Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return key;
	}

	@Override
	public Optional<byte[]> get(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			return Optional.empty();
		}
		Path file = root.resolve(key);
		try {
			return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
