-- Row-level security: the backstop behind the steunpunt_id filter in every query.
-- The application switches to the role steunpunt_app (SET LOCAL ROLE) inside a transaction
-- that has set app.steunpunt_id; as that role a row of another steunpunt is invisible.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steunpunt_app') THEN
		CREATE ROLE steunpunt_app NOLOGIN;
	END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO steunpunt_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO steunpunt_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO steunpunt_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['membership', 'text', 'text_version', 'text_review', 'text_feedback']
	LOOP
		EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format(
			'CREATE POLICY tenant_isolation ON %I FOR ALL TO steunpunt_app '
			'USING (steunpunt_id = nullif(current_setting(''app.steunpunt_id'', true), '''')::uuid) '
			'WITH CHECK (steunpunt_id = nullif(current_setting(''app.steunpunt_id'', true), '''')::uuid)',
			t
		);
	END LOOP;
END
$$;
--> statement-breakpoint
-- Audit records are written inside tenant transactions; the tenant may only add (and read) its own.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log FOR ALL TO steunpunt_app
	USING (steunpunt_id = nullif(current_setting('app.steunpunt_id', true), '')::uuid)
	WITH CHECK (steunpunt_id = nullif(current_setting('app.steunpunt_id', true), '')::uuid);
