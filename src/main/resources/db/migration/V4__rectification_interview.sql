-- Rectification orders (限期整改) and accountability interviews (约谈).
create table rectification_order (
  id                    varchar(36)   primary key,
  case_number           varchar(60)   not null unique,
  status                varchar(30)   not null,
  issuer_agency         varchar(40)   not null references agency (code),
  issued_by             varchar(64)   not null,
  issued_at             timestamp with time zone not null,
  unit_code             varchar(40)   not null references agency (code),
  problems              varchar(4000) not null,
  required_measures     varchar(4000) not null,
  deadline_on           date          not null,
  report_cycle_days     integer,
  extensions            integer       not null default 0,
  origin                varchar(20)   not null,
  interview_id          varchar(36),
  final_report          varchar(4000),
  verification_opinion  varchar(2000),
  escalation            varchar(20),
  closed_at             timestamp with time zone,
  process_instance_id   varchar(64)
);
create index rectification_unit_idx on rectification_order (unit_code, status);
create index rectification_issuer_idx on rectification_order (issuer_agency, issued_at);

create table rectification_report (
  id            varchar(36)   primary key,
  order_id      varchar(36)   not null references rectification_order (id),
  kind          varchar(20)   not null,
  content       varchar(4000) not null,
  submitted_by  varchar(64)   not null,
  submitted_at  timestamp with time zone not null
);
create index rectification_report_order_idx on rectification_report (order_id, submitted_at);

-- 挂牌督办: a unit under listed supervision may not receive honours until the flag expires.
create table listed_supervision (
  id            varchar(36)   primary key,
  unit_code     varchar(40)   not null references agency (code),
  listed_on     date          not null,
  until_on      date          not null,
  reason        varchar(4000) not null,
  order_id      varchar(36),
  interview_id  varchar(36)
);
create index listed_supervision_unit_idx on listed_supervision (unit_code, until_on);

create table interview (
  id                    varchar(36)   primary key,
  case_number           varchar(60)   not null unique,
  status                varchar(30)   not null,
  unit_code             varchar(40)   not null references agency (code),
  office_agency         varchar(40)   not null references agency (code),
  scheduled_by          varchar(64)   not null,
  principal             varchar(200)  not null,
  reason                varchar(2000) not null,
  scheduled_at          timestamp with time zone not null,
  place                 varchar(200)  not null,
  officials             varchar(1000) not null,
  notice_served_on      date          not null,
  reschedules           integer       not null default 0,
  source_order_id       varchar(36),
  attended              varchar(5),
  present               varchar(1000),
  problems              varchar(4000),
  commitments           varchar(4000),
  result_order_id       varchar(36),
  closed_at             timestamp with time zone,
  process_instance_id   varchar(64)
);
create index interview_unit_idx on interview (unit_code, status);
