-- audit_log is append-only for the app (等保 2.0: audit records protected from deletion and
-- change). In production the database is owned by one role, which runs migrations, `audit
-- archive` and `restore`, and the app connects as another role (docs/SECURITY.md, "Database
-- roles"). Any role that is not the owner of audit_log (nor a member of it, nor a superuser) may
-- INSERT and SELECT audit rows but never UPDATE, DELETE or TRUNCATE them — even when a broad
-- `GRANT ... ON ALL TABLES` gave it those privileges. The owner keeps them: `audit archive`
-- deletes an archived prefix of the chain and `restore` empties the tables it refills, both as the
-- owner. On PGlite the app is the superuser, so nothing changes there.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
    RAISE EXCEPTION 'audit_log is append-only: % refused for role %', TG_OP, current_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_append_only_rows BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_append_only_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
