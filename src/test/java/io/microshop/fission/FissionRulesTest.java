package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The small rules: codes and the viral coefficient. */
class FissionRulesTest {

	@Test
	void codesAreShortBase62AndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = ShareCodes.newCode();
			assertThat(ShareCodes.looksLikeCode(code)).as(code).isTrue();
			assertThat(seen.add(code)).isTrue();
		}
		assertThat(ShareCodes.looksLikeVisitorId(ShareCodes.newVisitorId())).isTrue();
		assertThat(ShareCodes.looksLikeCode("abc")).isFalse();
		assertThat(ShareCodes.looksLikeCode("abcdefgh-1")).isFalse();
		assertThat(ShareCodes.looksLikeCode(null)).isFalse();
	}

	@Test
	void theViralCoefficientIsReferredBuyersPerSharerAndZeroWithoutSharers() {
		assertThat(FissionStats.viralCoefficient(0, 0)).isZero();
		assertThat(FissionStats.viralCoefficient(5, 0)).isZero();
		assertThat(FissionStats.viralCoefficient(3, 1)).isEqualTo(3.0);
		assertThat(FissionStats.viralCoefficient(2, 3)).isEqualTo(0.667);
	}

}
