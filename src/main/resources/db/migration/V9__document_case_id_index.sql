-- The search index reads every document of a case by its id alone (whatever the case's kind),
-- each time the case changes. document_case_idx leads with case_kind, so that read scanned the
-- whole table: a year's 300,000 letters on every indexing (measured in docs/performance.md).
create index document_case_id_idx on document (case_id, seq);
