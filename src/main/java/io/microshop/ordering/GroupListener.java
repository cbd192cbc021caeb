package io.microshop.ordering;

import io.microshop.ordering.OrderEvents.GroupFilled;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hands a filled group's orders to the supplier after the last seat's transaction committed,
 * in its own; the event publication registry keeps the event until this completes.
 */
@Component
class GroupListener {

	private final OrderLifecycle lifecycle;

	GroupListener(OrderLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@ApplicationModuleListener
	void on(GroupFilled event) {
		lifecycle.releaseGroup(event.groupId());
	}

}
