/**
 * Identity: accounts identified by phone number (E.164), password and one-time-code sign-in,
 * API tokens (random, stored hashed, revocable), the SMS port, web security and the first
 * operator. Other modules see only {@link io.microshop.identity.Identity} and the signed-in
 * {@link io.microshop.identity.AccountPrincipal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package io.microshop.identity;
