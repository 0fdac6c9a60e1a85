ALTER TABLE "mail_outbox" ADD COLUMN "status" text DEFAULT 'wacht' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "erase_after_send" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "steunpunt" ADD COLUMN "audit_retention_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_person" ADD COLUMN "phone_digits" text GENERATED ALWAYS AS (nullif(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^(0031|31)', '0'), '')) STORED;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD COLUMN "scope" text DEFAULT 'dossier' NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD COLUMN "source" text DEFAULT 'case' NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD COLUMN "outcome" jsonb;--> statement-breakpoint
ALTER TABLE "buddy" ADD COLUMN "phone_digits" text GENERATED ALWAYS AS (nullif(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^(0031|31)', '0'), '')) STORED;--> statement-breakpoint
ALTER TABLE "buddy_request" ADD COLUMN "phone_digits" text GENERATED ALWAYS AS (nullif(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^(0031|31)', '0'), '')) STORED;--> statement-breakpoint
ALTER TABLE "activity_signup" ADD COLUMN "phone_digits" text GENERATED ALWAYS AS (nullif(regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^(0031|31)', '0'), '')) STORED;--> statement-breakpoint
CREATE INDEX "mail_outbox_due" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_tenant" ON "mail_outbox" USING btree ("steunpunt_id","created_at");--> statement-breakpoint
-- Mail written before the sender job existed: what was sent is sent.
UPDATE "mail_outbox" SET "status" = 'verstuurd' WHERE "sent_at" IS NOT NULL;--> statement-breakpoint
UPDATE "privacy_request" SET "source_id" = "case_id" WHERE "source" = 'case' AND "source_id" IS NULL;--> statement-breakpoint
CREATE INDEX "case_person_phone_digits" ON "case_person" ("steunpunt_id", "phone_digits");--> statement-breakpoint
CREATE INDEX "case_person_email" ON "case_person" ("steunpunt_id", lower("email"));
