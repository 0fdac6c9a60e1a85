CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"theme" text,
	"audience" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"location_name" text,
	"address" text,
	"place" text,
	"accessibility" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"max_per_signup" integer DEFAULT 2 NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL,
	"series_id" uuid,
	"status" text DEFAULT 'gepland' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"registration_id" uuid,
	"feedback_sent_at" timestamp with time zone,
	"personal_data_purged_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_capacity" CHECK ("activity"."capacity" between 1 and 1000),
	CONSTRAINT "activity_max_per_signup" CHECK ("activity"."max_per_signup" between 1 and 10),
	CONSTRAINT "activity_offer_hours" CHECK ("activity"."offer_hours" between 1 and 336),
	CONSTRAINT "activity_times" CHECK ("activity"."ends_at" > "activity"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "activity_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"useful" smallint NOT NULL,
	"next_time" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_feedback_useful" CHECK ("activity_feedback"."useful" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "activity_signup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"queue_no" bigserial NOT NULL,
	"status" text NOT NULL,
	"people" smallint DEFAULT 1 NOT NULL,
	"who" text DEFAULT 'ouder' NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"needs" text[] DEFAULT '{}' NOT NULL,
	"needs_note" text,
	"consent_version" text,
	"token_expires_at" timestamp with time zone,
	"was_waiting" boolean DEFAULT false NOT NULL,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"feedback_sent_at" timestamp with time zone,
	"feedback_given" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_signup_people" CHECK ("activity_signup"."people" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "steunpunt" ADD COLUMN "activity_retention_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_feedback" ADD CONSTRAINT "activity_feedback_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_feedback" ADD CONSTRAINT "activity_feedback_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signup" ADD CONSTRAINT "activity_signup_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signup" ADD CONSTRAINT "activity_signup_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_tenant_start" ON "activity" USING btree ("steunpunt_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_start" ON "activity" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "activity_feedback_activity" ON "activity_feedback" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_signup_activity" ON "activity_signup" USING btree ("activity_id","status","queue_no");