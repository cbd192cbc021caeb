package io.microshop.identity.web;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.web.PageController;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page knows who is signed in, as {@code me} (null for a visitor), for its header; and
 * whether the development SMS inbox exists, to link to it.
 */
@ControllerAdvice(annotations = PageController.class)
class SignedInModel {

	private final boolean devInbox;

	SignedInModel(@Value("${microshop.sms.provider:dev}") String smsProvider) {
		this.devInbox = "dev".equals(smsProvider);
	}

	@ModelAttribute("me")
	AccountPrincipal me(@AuthenticationPrincipal AccountPrincipal me) {
		return me;
	}

	@ModelAttribute("devInbox")
	boolean devInbox() {
		return devInbox;
	}

}
