-- Vragen en contacten: the app role may use the new tables, and row-level security keeps every
-- steunpunt to its own rows (the same policy as drizzle/0001_rls.sql).
GRANT SELECT, INSERT, UPDATE, DELETE ON registration, contact_case, case_person, case_event, organisation, referral, follow_up, support_score, privacy_request, topic_confirmation TO steunpunt_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO steunpunt_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['registration', 'contact_case', 'case_person', 'case_event', 'organisation', 'referral', 'follow_up', 'support_score', 'privacy_request', 'topic_confirmation']
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
