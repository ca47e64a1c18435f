package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Copies the tasks open before the inbox kept its own order (V10) into it, once, on a
 * database the engine has already written. On a new database the engine's tables do not
 * exist yet and there is nothing to copy. All nodes are stopped for an upgrade
 * (docs/operations.md), so no task opens meanwhile without its rows.
 */
public class V11__Inbox_task_open_tasks extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!exists(connection, "ACT_RU_TASK") || !exists(connection, "ACT_RU_IDENTITYLINK")) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("insert into inbox_task (group_id, task_id, priority, due_date, create_time)"
					+ " select distinct I.GROUP_ID_, T.ID_, T.PRIORITY_, T.DUE_DATE_, T.CREATE_TIME_"
					+ " from ACT_RU_TASK T join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_"
					+ " where I.TYPE_ = 'candidate' and I.GROUP_ID_ is not null");
		}
	}

	/** Whether the current schema has the table, however the database cases its name. */
	private static boolean exists(Connection connection, String table) throws SQLException {
		for (String name : new String[] { table, table.toLowerCase(java.util.Locale.ROOT) }) {
			try (ResultSet tables = connection.getMetaData()
				.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
