package io.microshop.fission;

/** A group waits OPEN for its members; it SUCCEEDED when full, FAILED when its window closed short. */
public enum GroupStatus {

	OPEN, SUCCEEDED, FAILED

}
