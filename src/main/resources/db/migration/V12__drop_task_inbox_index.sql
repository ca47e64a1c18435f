-- The inbox no longer walks every group's tasks in its order (it reads inbox_task, V10), so the
-- engine-table index it walked is only a cost on every task written. EngineIndexPlugin no longer
-- creates it; this drops it where an earlier version did.
drop index if exists AF_IDX_TASK_INBOX;
