-- Application tables of the foundation. Camunda creates and upgrades its own ACT_* tables.

create table agency (
  code          varchar(40)  primary key,
  name          varchar(200) not null,
  name_en       varchar(200) not null,
  agency_type   varchar(30)  not null,
  parent_code   varchar(40),
  region        varchar(60)
);
create index agency_type_idx on agency (agency_type);

create table app_user (
  username      varchar(64)  primary key,
  display_name  varchar(100) not null,
  agency_code   varchar(40)  not null references agency (code),
  password_hash varchar(100),
  enabled       boolean      not null
);
create index app_user_agency_idx on app_user (agency_code);

create table app_user_role (
  username      varchar(64) not null references app_user (username),
  role_name     varchar(30) not null,
  primary key (username, role_name)
);

create table holiday_year (
  year_number   integer       primary key,
  arrangement   varchar(8000) not null,
  updated_at    timestamp with time zone not null,
  updated_by    varchar(64)   not null
);

create table audit_head (
  id            integer     primary key,
  last_seq      bigint      not null,
  last_hash     varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_event (
  seq           bigint       primary key,
  occurred_at   timestamp with time zone not null,
  actor         varchar(64)  not null,
  agency_code   varchar(40),
  action        varchar(60)  not null,
  entity_type   varchar(40),
  entity_id     varchar(64),
  case_ref      varchar(64),
  detail        varchar(2000),
  prev_hash     varchar(64)  not null,
  hash          varchar(64)  not null
);
create index audit_event_case_idx on audit_event (case_ref, seq);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);

create table number_sequence (
  name          varchar(100) primary key,
  next_value    bigint       not null
);

create table discipline_case (
  id                    varchar(36)   primary key,
  case_number           varchar(40)   not null unique,
  status                varchar(30)   not null,
  category              varchar(30)   not null,
  subject_name          varchar(100)  not null,
  subject_id_number     varchar(18)   not null,
  subject_phone         varchar(20),
  basis_document_number varchar(100)  not null,
  basis_decided_on      date          not null,
  basis_summary         varchar(4000) not null,
  times_count           integer       not null,
  counterparties_count  integer       not null,
  below_threshold       boolean       not null,
  filing_agency         varchar(40)   not null references agency (code),
  approving_agency      varchar(40)   not null references agency (code),
  filed_by              varchar(64)   not null,
  filed_at              timestamp with time zone not null,
  last_opinion          varchar(2000),
  measures              varchar(1000),
  dishonest_list        boolean       not null default false,
  term_years            integer,
  approved_at           timestamp with time zone,
  notice_number         varchar(100),
  notice_served_on      date,
  term_start            date,
  term_end              date,
  continuous_start      date,
  extended_case_id      varchar(36),
  lift_reason           varchar(30),
  lifted_at             timestamp with time zone,
  closed_at             timestamp with time zone,
  process_instance_id   varchar(64)
);
create index discipline_case_subject_idx on discipline_case (subject_id_number, status);
create index discipline_case_filing_idx on discipline_case (filing_agency, filed_at);
create index discipline_case_status_idx on discipline_case (status, filed_at);

create table discipline_instrument (
  id                varchar(36)  primary key,
  case_id           varchar(36)  not null references discipline_case (id),
  position          integer      not null,
  instrument_type   varchar(30)  not null,
  identifier        varchar(100) not null,
  institution_code  varchar(40)  references agency (code)
);
create index discipline_instrument_case_idx on discipline_instrument (case_id, position);

create table execution_order (
  id                    varchar(36)   primary key,
  case_id               varchar(36)   not null references discipline_case (id),
  kind                  varchar(20)   not null,
  institution_code      varchar(40)   not null references agency (code),
  status                varchar(20)   not null,
  due_on                date          not null,
  issued_at             timestamp with time zone not null,
  reminded_at           timestamp with time zone,
  escalated_at          timestamp with time zone,
  outcome               varchar(30),
  reason                varchar(2000),
  affected_identifiers  varchar(2000),
  answered_by           varchar(64),
  answered_at           timestamp with time zone
);
create index execution_order_case_idx on execution_order (case_id, kind);
create index execution_order_institution_idx on execution_order (institution_code, status, due_on);

create table discipline_review (
  id            varchar(36)   primary key,
  case_id       varchar(36)   not null references discipline_case (id),
  step          varchar(40)   not null,
  decision      varchar(20)   not null,
  opinion       varchar(2000),
  actor         varchar(64)   not null,
  agency_code   varchar(40)   not null,
  decided_at    timestamp with time zone not null
);
create index discipline_review_case_idx on discipline_review (case_id, decided_at);

create table discipline_appeal (
  id                    varchar(36)   primary key,
  case_id               varchar(36)   not null references discipline_case (id),
  status                varchar(20)   not null,
  appellant             varchar(100)  not null,
  grounds               varchar(4000) not null,
  received_on           date          not null,
  received_by           varchar(64)   not null,
  accept_due            date          not null,
  verify_due            date,
  decide_due            date,
  acceptance_opinion    varchar(2000),
  findings              varchar(4000),
  decision              varchar(20),
  decision_opinion      varchar(2000),
  decided_at            timestamp with time zone,
  process_instance_id   varchar(64)
);
create index discipline_appeal_case_idx on discipline_appeal (case_id);
