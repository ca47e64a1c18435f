-- Each open task's place in the inbox of each of its candidate groups, in the inbox's order
-- (priority, due date, creation, id). Written with the engine's task in the same transaction
-- (InboxOrder), so a bank's first page is read in order from its own tasks: walking every
-- group's tasks in that order passed 20,000 other banks' tasks for a bank that had answered its
-- earliest orders (docs/performance.md). The timestamps are those of the engine's columns, so
-- both sort alike. Tasks open before this version are copied in by V11 (a Java migration).
create table inbox_task (
  group_id    varchar(255)  not null,
  task_id     varchar(64)   not null,
  priority    integer       not null,
  due_date    timestamp,
  create_time timestamp     not null,
  -- also the way to a closing task's rows
  primary key (task_id, group_id)
);
create index inbox_task_order_idx on inbox_task (group_id, priority desc, due_date, create_time, task_id);
