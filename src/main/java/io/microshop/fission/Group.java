package io.microshop.fission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One group of a deal: its paid members (by initial), its size and when it closes. */
public record Group(UUID id, UUID shopId, UUID dealId, UUID leaderAccountId, GroupStatus status, int groupSize,
		int paidMembers, Instant expiresAt, Instant createdAt, List<String> memberInitials) {

	public Group {
		memberInitials = memberInitials == null ? List.of() : List.copyOf(memberInitials);
	}

	public int seatsLeft() {
		return Math.max(0, groupSize - paidMembers);
	}

	/** Whether another buyer may still join now. */
	public boolean open(Instant now) {
		return status == GroupStatus.OPEN && expiresAt.isAfter(now);
	}

	public Group withInitials(List<String> initials) {
		return new Group(id, shopId, dealId, leaderAccountId, status, groupSize, paidMembers, expiresAt, createdAt,
				initials);
	}

}
