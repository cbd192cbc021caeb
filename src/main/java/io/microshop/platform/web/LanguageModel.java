package io.microshop.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page knows its language ({@code lang}: {@code zh-CN} or {@code en}, for
 * {@code <html lang>}) and its own address ({@code here}), for the language switch.
 */
@ControllerAdvice(annotations = PageController.class)
class LanguageModel {

	@ModelAttribute("lang")
	String lang() {
		return LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "zh-CN";
	}

	@ModelAttribute("here")
	String here(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + (query == null ? "" : "?" + query);
	}

}
