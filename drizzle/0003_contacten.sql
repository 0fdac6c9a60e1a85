CREATE TABLE "app_secret" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"text" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_person" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"name" text,
	"phone" text,
	"email" text,
	"question" text,
	"preferred_moments" text,
	"contact_preference" text NOT NULL,
	"follow_up_by_mail" boolean DEFAULT false NOT NULL,
	"consent_version" text,
	"consent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'nieuw' NOT NULL,
	"assigned_to" uuid,
	"consulent_id" uuid,
	"due_on" date NOT NULL,
	"follow_up_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"trend" text,
	"supported" smallint,
	"comment" text,
	CONSTRAINT "follow_up_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"phone" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"case_id" uuid,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"consulent_id" uuid,
	"organisation_id" uuid,
	"organisation_name" text,
	"handed_over" text,
	"parent_agreed" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"who" text NOT NULL,
	"school_type" text,
	"phase" text,
	"age_group" text,
	"gemeente_code" text,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"topics_confirmed" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"referral_kind" text,
	"duration_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_score" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"day" date NOT NULL,
	"trend" text NOT NULL,
	"supported" smallint
);
--> statement-breakpoint
CREATE TABLE "topic_confirmation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"terms" text[] NOT NULL,
	"topics" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "via_smtp" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "steunpunt" ADD COLUMN "retention_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_contact_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."contact_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person" ADD CONSTRAINT "case_person_case_id_contact_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."contact_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person" ADD CONSTRAINT "case_person_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_case" ADD CONSTRAINT "contact_case_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_case" ADD CONSTRAINT "contact_case_assigned_to_app_user_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_case" ADD CONSTRAINT "contact_case_consulent_id_app_user_id_fk" FOREIGN KEY ("consulent_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_case_id_contact_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."contact_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD CONSTRAINT "privacy_request_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD CONSTRAINT "privacy_request_case_id_contact_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."contact_case"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD CONSTRAINT "privacy_request_handled_by_app_user_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_case_id_contact_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."contact_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_consulent_id_app_user_id_fk" FOREIGN KEY ("consulent_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_score" ADD CONSTRAINT "support_score_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_confirmation" ADD CONSTRAINT "topic_confirmation_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_event_case" ON "case_event" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_case_reference" ON "contact_case" USING btree ("steunpunt_id","reference");--> statement-breakpoint
CREATE INDEX "contact_case_inbox" ON "contact_case" USING btree ("steunpunt_id","status","due_on","created_at");--> statement-breakpoint
CREATE INDEX "contact_case_open" ON "contact_case" USING btree ("steunpunt_id","due_on","created_at") WHERE status <> 'afgesloten';--> statement-breakpoint
CREATE INDEX "contact_case_consulent" ON "contact_case" USING btree ("steunpunt_id","consulent_id");--> statement-breakpoint
CREATE INDEX "contact_case_follow_up" ON "contact_case" USING btree ("steunpunt_id","follow_up_on");--> statement-breakpoint
CREATE INDEX "contact_case_closed" ON "contact_case" USING btree ("closed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_name" ON "organisation" USING btree ("steunpunt_id","name");--> statement-breakpoint
CREATE INDEX "privacy_request_tenant" ON "privacy_request" USING btree ("steunpunt_id","handled_at");--> statement-breakpoint
CREATE INDEX "referral_tenant_kind" ON "referral" USING btree ("steunpunt_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "registration_tenant_day" ON "registration" USING btree ("steunpunt_id","day");--> statement-breakpoint
CREATE INDEX "support_score_tenant_day" ON "support_score" USING btree ("steunpunt_id","day");