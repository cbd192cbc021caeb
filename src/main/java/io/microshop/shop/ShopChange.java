package io.microshop.shop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A seller's edit of the shop; absent fields stay. Commission rates are bps of the margin. */
public record ShopChange(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
		@PositiveOrZero @Max(10_000) Integer level1CommissionBps, @PositiveOrZero @Max(10_000) Integer level2CommissionBps) {
}
