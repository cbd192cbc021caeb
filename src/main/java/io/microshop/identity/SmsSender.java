package io.microshop.identity;

/** The port through which one-time codes reach a phone. A real gateway plugs in here. */
public interface SmsSender {

	void send(String phoneE164, String text);

}
