-- The app role (steunpunt_app, used inside withTenant) gets only what tenant work needs:
-- no sessions, reset links, login throttles, rate-limit counters or shared keys at all; of the
-- users only id, e-mail address and name (never password hashes or TOTP secrets); and mail in
-- the outbox only of its own steunpunt (row-level security, as on the other tenant tables).
REVOKE ALL ON session, password_reset, login_throttle, rate_limit, app_secret FROM steunpunt_app;
--> statement-breakpoint
REVOKE ALL ON app_user FROM steunpunt_app;
--> statement-breakpoint
GRANT SELECT (id, email, naam) ON app_user TO steunpunt_app;
--> statement-breakpoint
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON mail_outbox FOR ALL TO steunpunt_app
	USING (steunpunt_id = nullif(current_setting('app.steunpunt_id', true), '')::uuid)
	WITH CHECK (steunpunt_id = nullif(current_setting('app.steunpunt_id', true), '')::uuid);
