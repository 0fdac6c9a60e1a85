-- Activiteiten: the app role may use the new tables; row-level security per steunpunt.
GRANT SELECT, INSERT, UPDATE, DELETE ON activity, activity_signup, activity_feedback TO steunpunt_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO steunpunt_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['activity', 'activity_signup', 'activity_feedback']
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
