/**
 * Operations: what platform staff see and decide. For now the ledger's trial balance, as
 * an API for operators and an operator page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
		allowedDependencies = { "platform", "identity", "ledger" })
package io.microshop.ops;
