package io.microshop.platform.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * UI sentences that controllers write (flash notices, form errors) in the page's language,
 * from the same bundles as the templates ({@code src/main/resources/i18n/*.properties}).
 */
@Component
public class PageText {

	private final MessageSource messages;

	PageText(MessageSource messages) {
		this.messages = messages;
	}

	/** The sentence for {@code key} in the request's language, {@code {0}}-style arguments filled in. */
	public String get(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
