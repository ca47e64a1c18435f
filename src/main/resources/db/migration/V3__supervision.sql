-- Every deadline of every process, kept current from events inside the same transactions, so the
-- leadership view is a range scan on (closed_at, due_on) however many cases there are.
create table deadline (
  id            varchar(80)   primary key,
  kind          varchar(30)   not null,
  process_key   varchar(80),
  task_key      varchar(80),
  title         varchar(200)  not null,
  case_ref      varchar(64),
  agency_code   varchar(40),
  candidate_group varchar(100),
  due_at        timestamp with time zone not null,
  due_on        date          not null,
  opened_at     timestamp with time zone not null,
  closed_at     timestamp with time zone,
  outcome       varchar(20)   not null,
  urge_count    integer       not null default 0
);
create index deadline_open_due_idx on deadline (outcome, due_on);
create index deadline_agency_idx on deadline (agency_code, outcome, due_on);
create index deadline_closed_idx on deadline (closed_at);

create table urge (
  id            varchar(36)   primary key,
  deadline_id   varchar(80)   not null references deadline (id),
  urged_by      varchar(64)   not null,
  urged_agency  varchar(40)   not null,
  target_agency varchar(40),
  reason        varchar(1000) not null,
  urged_at      timestamp with time zone not null
);
create index urge_deadline_idx on urge (deadline_id);

create table notification (
  id            varchar(36)   primary key,
  username      varchar(64)   not null,
  kind          varchar(30)   not null,
  title         varchar(200)  not null,
  body          varchar(1000),
  case_ref      varchar(64),
  task_id       varchar(64),
  created_at    timestamp with time zone not null,
  read_at       timestamp with time zone
);
create index notification_user_idx on notification (username, read_at, created_at);
