package io.microshop.platform.web;

import java.time.Instant;
import java.util.Locale;

import io.microshop.platform.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values and refusals in the page's language: dates the Chinese or the English way (Beijing
 * time), money as {@code ¥12.34} in both, statuses and problems from the bundles.
 */
class PageLanguageTest {

	private static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");

	private final PageFormat fmt = new PageFormat(bundles());

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void datesAreWrittenTheWayThePagesLanguageWritesThemInBeijingTime() {
		LocaleContextHolder.setLocale(Languages.CHINESE);
		assertThat(fmt.time(AT)).isEqualTo("2026年11月25日 10:00");
		LocaleContextHolder.setLocale(Languages.ENGLISH);
		assertThat(fmt.time(AT)).isEqualTo("Nov 25, 2026, 10:00");
		assertThat(fmt.time(null)).isEmpty();
	}

	@Test
	void moneyIsYuanInBothLanguages() {
		for (Locale locale : Languages.SUPPORTED) {
			LocaleContextHolder.setLocale(locale);
			assertThat(fmt.money(1234)).isEqualTo("¥12.34");
			assertThat(fmt.money(-100)).isEqualTo("-¥1.00");
		}
	}

	@Test
	void statusesComeFromTheBundlesAndUnknownOnesReadAsWords() {
		LocaleContextHolder.setLocale(Languages.CHINESE);
		assertThat(fmt.status("SHIPPED")).isEqualTo("已发货");
		LocaleContextHolder.setLocale(Languages.ENGLISH);
		assertThat(fmt.status("PENDING_PAYMENT")).isEqualTo("Pending payment");
		assertThat(fmt.status("SOMETHING_NEW")).isEqualTo("Something new");
	}

	@Test
	void aRefusalIsTranslatedOnChinesePagesAndKeepsItsDetailOnEnglishOnes() {
		inARequest();
		Problem outOfStock = Problem.conflict("out-of-stock", "Out of stock", "Only 5 of 100 g left.");
		Problem badPhone = Problem.invalidField("phone", "is not a phone number");
		Problem unknownKind = Problem.conflict("something-new", "New", "Something new happened.");
		LocaleContextHolder.setLocale(Languages.ENGLISH);
		assertThat(PageMessages.of(outOfStock)).isEqualTo("Only 5 of 100 g left.");
		assertThat(PageMessages.of(badPhone)).isEqualTo("Phone is not a phone number.");
		LocaleContextHolder.setLocale(Languages.CHINESE);
		assertThat(PageMessages.of(outOfStock)).isEqualTo("库存不足，请减少数量或选择其他规格。");
		assertThat(PageMessages.of(badPhone)).isEqualTo("请输入有效的手机号。");
		assertThat(PageMessages.of(unknownKind)).isEqualTo("Something new happened.");
		assertThat(PageMessages.of(Problem.invalidField("shop", "没有地址名为 x 的店铺。")))
			.as("a sentence already in Chinese").isEqualTo("没有地址名为 x 的店铺。");
		assertThat(PageMessages.of(new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid", "x")))
			.isEqualTo("请检查填写的内容：x");
	}

	private static void inARequest() {
		GenericWebApplicationContext context = new GenericWebApplicationContext();
		context.registerBean("messageSource", ResourceBundleMessageSource.class, PageLanguageTest::bundles);
		context.refresh();
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/common", "i18n/storefront", "i18n/buyer");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
