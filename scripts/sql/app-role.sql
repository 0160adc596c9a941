-- Rights of the application role (the role of DATABASE_URL, used by the api and the worker) when the
-- migrations run under a separate owner role (MIGRATION_DATABASE_URL). docs/operations.md, "Database roles".
-- Run once in the Éclore database, as the owner role, after the first `npm run migration:run`.
-- The application role must already exist, e.g. as a superuser:
--   CREATE ROLE eclore_app LOGIN PASSWORD '…';
-- It is not the owner of any table, so it can neither alter nor disable the audit log's triggers.

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO eclore_app;

-- Everything the application reads and writes, today and in later migrations (default privileges
-- apply to tables the owner creates from now on)...
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO eclore_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO eclore_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO eclore_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO eclore_app;

-- ...except the audit log: append and read only. The chain head is moved by the insert trigger,
-- which runs as the owner; the application may only read it (npm run audit:verify).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM eclore_app;
REVOKE ALL ON audit_chain_head FROM eclore_app;
GRANT SELECT ON audit_chain_head TO eclore_app;
