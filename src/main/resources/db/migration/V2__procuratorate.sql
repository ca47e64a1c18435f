-- Agencies get the abbreviation that opens their document numbers (文号).
alter table agency add column abbreviation varchar(40);

-- Procuratorate public-interest litigation (公益诉讼检察).
create table pil_case (
  id                      varchar(36)   primary key,
  case_number             varchar(60)   not null unique,
  status                  varchar(20)   not null,
  stage                   varchar(30)   not null,
  procuratorate           varchar(40)   not null references agency (code),
  registered_by           varchar(64)   not null,
  registered_at           timestamp with time zone not null,
  source                  varchar(40)   not null,
  organ_code              varchar(40)   not null references agency (code),
  track                   varchar(30)   not null,
  facts_of_harm           varchar(4000) not null,
  related_cases           varchar(1000),
  filing_opinion          varchar(2000),
  filed_on                date,
  filing_service_due      date,
  filing_served_on        date,
  consultation_facts      varchar(20),
  consultation_statement  varchar(4000),
  consultation_plan       varchar(4000),
  consultation_minutes    varchar(4000),
  follow_up_evidence      varchar(4000),
  follow_up_result        varchar(20),
  non_performance_reason  varchar(40),
  notice_published_on     date,
  notice_ends_on          date,
  notice_medium           varchar(200),
  court                   varchar(200),
  suit_filed_on           date,
  claims                  varchar(4000),
  outcome                 varchar(40),
  outcome_on              date,
  outcome_summary         varchar(4000),
  close_reason            varchar(40),
  closed_at               timestamp with time zone,
  process_instance_id     varchar(64)
);
create index pil_case_procuratorate_idx on pil_case (procuratorate, registered_at);
create index pil_case_organ_idx on pil_case (organ_code, stage);

create table pil_recommendation (
  id                  varchar(36)   primary key,
  case_id             varchar(36)   not null references pil_case (id),
  version             integer       not null,
  status              varchar(20)   not null,
  case_source         varchar(1000) not null,
  facts_of_harm       varchar(4000) not null,
  non_performance     varchar(4000) not null,
  legal_basis         varchar(2000) not null,
  recommendations     varchar(4000) not null,
  urgent              boolean       not null,
  copy_to             varchar(400),
  approval_opinion    varchar(2000),
  document_number     varchar(60)   unique,
  issued_on           date,
  served_on           date,
  service_method      varchar(20),
  reply_due           date,
  reply_overdue       boolean       not null default false,
  reminded_at         timestamp with time zone,
  response            varchar(20),
  reply_text          varchar(4000),
  rectification       varchar(20),
  objection_grounds   varchar(4000),
  objection_outcome   varchar(20),
  objection_opinion   varchar(2000),
  replied_at          timestamp with time zone,
  unique (case_id, version)
);
create index pil_recommendation_due_idx on pil_recommendation (status, reply_due);
