package org.antifraud.common;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the driver send a batch of inserts into one table as one multi-row
 * insert ({@code reWriteBatchedInserts}). The engine batches its writes at each commit,
 * an insert statement per entity type: a case's step inserts its executions, variables,
 * history rows, jobs and tasks by the dozen, which otherwise cost the database a
 * statement each (docs/performance.md). The engine does not read the row counts of its
 * inserts, which the driver then does not report. A URL that sets the parameter itself
 * keeps its value.
 */
@Component
class PostgresBatching implements BeanPostProcessor {

	static final String PARAMETER = "reWriteBatchedInserts";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource) {
			tune(dataSource);
		}
		return bean;
	}

	static void tune(HikariDataSource dataSource) {
		String url = dataSource.getJdbcUrl();
		if (url != null && url.startsWith("jdbc:postgresql:") && !url.contains(PARAMETER)
				&& !dataSource.getDataSourceProperties().containsKey(PARAMETER)) {
			dataSource.addDataSourceProperty(PARAMETER, "true");
		}
	}

}
