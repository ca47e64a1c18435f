package org.antifraud.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Letter settings: defaults, and a deflate level outside 1 to 9 refused at start. */
class DocumentPropertiesTests {

	@Test
	void lettersAreCompressedFastestByDefault() {
		assertThat(new DocumentProperties(null, null, null, null, null, null, null).compressionLevel()).isEqualTo(1);
		assertThat(new DocumentProperties(null, null, null, null, null, null, 9).compressionLevel()).isEqualTo(9);
	}

	@Test
	void aCompressionLevelOutsideOneToNineIsRefused() {
		assertThatThrownBy(() -> new DocumentProperties(null, null, null, null, null, null, 0))
			.hasMessageContaining("compression-level");
		assertThatThrownBy(() -> new DocumentProperties(null, null, null, null, null, null, 10))
			.hasMessageContaining("compression-level");
	}

}
