package io.microshop.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import io.microshop.platform.Problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an upload before anything is stored: present, within the size limit
 * ({@code microshop.uploads.max-bytes}, default 5 MB) and of an allowed kind by its content.
 */
@Component
public class Uploads {

	private final long maxBytes;

	Uploads(@Value("${microshop.uploads.max-bytes:5242880}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	/** The file's bytes and kind, or a 4xx problem naming {@code field}; nothing is stored. */
	public Checked check(String field, MultipartFile file, Set<FileKind> allowed) {
		if (file == null || file.isEmpty()) {
			throw Problem.invalidField(field, "a file is required");
		}
		if (file.getSize() > maxBytes) {
			throw tooLarge();
		}
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return check(field, bytes, allowed);
	}

	/** As {@link #check(String, MultipartFile, Set)} for bytes already read. */
	public Checked check(String field, byte[] bytes, Set<FileKind> allowed) {
		if (bytes.length > maxBytes) {
			throw tooLarge();
		}
		FileKind kind = FileKind.of(bytes)
			.filter(allowed::contains)
			.orElseThrow(() -> new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file", "Unsupported file",
					"Only " + names(allowed) + " files are accepted; the content of this one is none of them.",
					java.util.Map.of(field, "must be " + names(allowed))));
		return new Checked(kind, bytes);
	}

	private Problem tooLarge() {
		return new Problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
				"Files may be at most " + (maxBytes / 1024 / 1024) + " MB.");
	}

	private static String names(Set<FileKind> kinds) {
		return String.join(", ", kinds.stream().map(k -> k.extension().toUpperCase()).sorted().toList());
	}

	/** An upload that passed the checks. */
	public record Checked(FileKind kind, byte[] bytes) {
	}

}
