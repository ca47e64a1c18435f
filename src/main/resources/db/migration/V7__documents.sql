-- Official letters and attachments. Rows are never updated except status and superseded_by:
-- a corrected letter is a new row that supersedes the old one.
create table document (
  id                 varchar(36)   primary key,
  kind               varchar(16)   not null,
  letter_type        varchar(40),
  title              varchar(300)  not null,
  number             varchar(100),
  issuer_code        varchar(40)   not null,
  case_kind          varchar(30)   not null,
  case_id            varchar(64)   not null,
  task_id            varchar(64),
  recipient          varchar(300),
  audience           varchar(2000) not null,
  fields             varchar(100000),
  media_type         varchar(100)  not null,
  size_bytes         bigint        not null,
  sha256             varchar(64)   not null,
  storage_key        varchar(200)  not null,
  verification_code  varchar(16),
  status             varchar(16)   not null,
  supersedes         varchar(36),
  superseded_by      varchar(36),
  revocation_reason  varchar(500),
  text_content       varchar(1000000),
  created_by         varchar(64)   not null,
  created_at         timestamp with time zone not null
);
create index document_case_idx on document (case_kind, case_id, created_at);
create index document_sha_idx on document (sha256);
create unique index document_code_idx on document (verification_code);
create unique index document_number_idx on document (issuer_code, letter_type, number);
