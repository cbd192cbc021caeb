/**
 * Demo data: a supplier with a few products (images shipped in the jar), a shop listing
 * them and demo accounts, so a newcomer sees a working shop at once. Only with
 * {@code microshop.demo-data=true}; built through the other modules' facades like any user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "platform", "identity", "catalog", "shop" })
package io.microshop.demo;
