-- The deadline list's sort order, so its first pages are index scans (measured in docs/performance.md).
create index deadline_urgency_idx on deadline (outcome, due_on, due_at, id);
