package io.microshop.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.identity.Identity;
import io.microshop.identity.security.WebSignIn;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Web sign-in: a phone number, a code by SMS, and the session is signed in. */
@PageController
class SignInController {

	private final Identity identity;

	private final WebSignIn webSignIn;

	SignInController(Identity identity, WebSignIn webSignIn) {
		this.identity = identity;
		this.webSignIn = webSignIn;
	}

	@GetMapping("/sign-in")
	String page(@RequestParam(required = false) String phone, @RequestParam(required = false) String next, Model model) {
		model.addAttribute("phone", phone);
		model.addAttribute("next", safeNext(next));
		return "identity/sign-in";
	}

	@PostMapping("/sign-in/code")
	String sendCode(@RequestParam String phone, @RequestParam(required = false) String next, Model model) {
		model.addAttribute("next", safeNext(next));
		try {
			model.addAttribute("phone", identity.sendSignInCode(phone));
			model.addAttribute("codeSent", true);
		}
		catch (Problem problem) {
			model.addAttribute("phone", phone);
			model.addAttribute("error", PageMessages.of(problem));
		}
		return "identity/sign-in";
	}

	@PostMapping("/sign-in")
	String signIn(@RequestParam String phone, @RequestParam String code, @RequestParam(required = false) String next,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			webSignIn.signIn(identity.signInWithCode(phone, code, null), request, response);
			return "redirect:" + safeNext(next);
		}
		catch (Problem problem) {
			model.addAttribute("phone", phone);
			model.addAttribute("codeSent", true);
			model.addAttribute("next", safeNext(next));
			model.addAttribute("error", PageMessages.of(problem));
			return "identity/sign-in";
		}
	}

	/** Only paths on this site: a sign-in link must not send people elsewhere. */
	static String safeNext(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
			return "/";
		}
		return next;
	}

}
