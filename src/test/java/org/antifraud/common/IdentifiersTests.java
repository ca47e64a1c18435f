package org.antifraud.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Check characters and masks of everyday identifiers.
 */
class IdentifiersTests {

	@Test
	void residentIdCheckCharacter() {
		assertThat(Identifiers.isValidResidentId("11010519491231002X")).isTrue();
		assertThat(Identifiers.isValidResidentId("110105194912310021")).isFalse();
		assertThat(Identifiers.isValidResidentId("37021219900101123X")).isTrue();
		assertThat(Identifiers.isValidResidentId(Identifiers.normalizeResidentId(" 37021219900101123x "))).isTrue();
	}

	@Test
	void residentIdNeedsARealBirthDateAndEighteenCharacters() {
		assertThat(Identifiers.isValidResidentId("110105194902300020")).isFalse();
		assertThat(Identifiers.isValidResidentId("11010519491231002")).isFalse();
		assertThat(Identifiers.isValidResidentId(null)).isFalse();
	}

	@Test
	void mobileAndBankCard() {
		assertThat(Identifiers.isValidMobile("13800138000")).isTrue();
		assertThat(Identifiers.isValidMobile("12800138000")).isFalse();
		assertThat(Identifiers.isValidBankCard("4111111111111111")).isTrue();
		assertThat(Identifiers.isValidBankCard("4111111111111112")).isFalse();
	}

	@Test
	void masks() {
		assertThat(Identifiers.maskResidentId("37021219900101123X")).isEqualTo("370212********123X");
		assertThat(Identifiers.maskPhone("13800138000")).isEqualTo("138****8000");
		assertThat(Identifiers.maskPhone(null)).isNull();
	}

}
