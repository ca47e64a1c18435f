package org.antifraud.search.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded Lucene index, without Spring. */
class LuceneCaseSearchTests extends CaseSearchContract {

	@TempDir
	Path directory;

	private LuceneCaseSearch lucene;

	@Override
	CaseSearch open() {
		this.lucene = new LuceneCaseSearch(SearchProperties.lucene(this.directory));
		return this.lucene;
	}

	@AfterEach
	void close() throws IOException {
		this.lucene.close();
	}

	@Test
	void aSecondNodeOnTheSameIndexIsRefusedWithAClearMessage() {
		assertThatThrownBy(() -> new LuceneCaseSearch(SearchProperties.lucene(this.directory)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("one node only")
			.hasMessageContaining("antifraud.search.backend=elasticsearch");
	}

}
