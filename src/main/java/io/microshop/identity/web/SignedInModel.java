package io.microshop.identity.web;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.web.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in, as {@code me} (null for a visitor), for its header. */
@ControllerAdvice(annotations = PageController.class)
class SignedInModel {

	@ModelAttribute("me")
	AccountPrincipal me(@AuthenticationPrincipal AccountPrincipal me) {
		return me;
	}

}
