-- A letter is registered (number, code, text) in the step that issues it; its PDF is laid out,
-- signed and stored right after that step commits. Until then it has no file and no hash.
alter table document alter column sha256 drop not null;
alter table document alter column storage_key drop not null;
