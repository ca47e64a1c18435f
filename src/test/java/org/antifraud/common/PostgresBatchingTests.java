package org.antifraud.common;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL driver rewrites batched inserts into multi-row ones; other databases'
 * drivers, and a URL that decides itself, are left as they are.
 */
class PostgresBatchingTests {

	@Test
	void aPostgresDataSourceRewritesBatchedInserts() {
		HikariDataSource dataSource = dataSource("jdbc:postgresql://127.0.0.1:5432/antifraud");
		assertThat(dataSource.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
	}

	@Test
	void otherDatabasesAndAnExplicitSettingAreLeftAlone() {
		assertThat(dataSource("jdbc:h2:mem:test").getDataSourceProperties()).isEmpty();
		assertThat(dataSource("jdbc:postgresql://db/antifraud?reWriteBatchedInserts=false").getDataSourceProperties())
			.isEmpty();
	}

	private static HikariDataSource dataSource(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		return (HikariDataSource) new PostgresBatching().postProcessBeforeInitialization(dataSource, "dataSource");
	}

}
