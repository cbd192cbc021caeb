package io.microshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * microshop: suppliers publish once, sellers resell in verified micro-shops, fans buy in
 * one page and pay into escrow.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class MicroshopApplication {

	public static void main(String[] args) {
		SpringApplication.run(MicroshopApplication.class, args);
	}

}
