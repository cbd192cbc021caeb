package io.microshop.identity.web;

import io.microshop.platform.web.PageController;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dev-only inbox: the texts the development SMS adapter would have sent. */
@PageController
@ConditionalOnProperty(name = "microshop.sms.provider", havingValue = "dev", matchIfMissing = true)
class DevInboxController {

	private final JdbcClient jdbc;

	DevInboxController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/dev/inbox")
	String inbox(Model model) {
		model.addAttribute("messages",
				jdbc.sql("SELECT phone, text, sent_at FROM dev_sms_messages ORDER BY id DESC LIMIT 50")
					.query((rs, n) -> new Message(rs.getString(1), rs.getString(2),
							rs.getTimestamp(3).toInstant()))
					.list());
		return "identity/dev-inbox";
	}

	record Message(String phone, String text, java.time.Instant sentAt) {
	}

}
