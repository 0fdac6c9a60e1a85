CREATE TABLE "buddy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"experiences" text[] DEFAULT '{}' NOT NULL,
	"school_types" text[] DEFAULT '{}' NOT NULL,
	"gemeenten" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{"nl"}' NOT NULL,
	"support_ways" text[] DEFAULT '{}' NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"training_on" date,
	"intake_on" date,
	"vog_on" date,
	"about" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "buddy_capacity" CHECK ("buddy"."capacity" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "buddy_match" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"buddy_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"active_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"buddy_token_hash" text,
	"survey_token_hash" text,
	"survey_answered_at" timestamp with time zone,
	"reflection" text,
	"last_contact_on" date,
	"last_reminder_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "buddy_match_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"from" text,
	"to" text NOT NULL,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buddy_moment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"day" date NOT NULL,
	"form" text NOT NULL,
	"minutes" integer,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buddy_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"case_id" uuid,
	"source" text NOT NULL,
	"need" text,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"experiences" text[] DEFAULT '{}' NOT NULL,
	"school_type" text,
	"gemeente_code" text,
	"language" text,
	"support_ways" text[] DEFAULT '{}' NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"consent_version" text,
	"consent_at" timestamp with time zone,
	"status" text DEFAULT 'aangevraagd' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "buddy_survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"day" date NOT NULL,
	"who" text NOT NULL,
	"supported" smallint,
	"helped" text,
	"better" text
);
--> statement-breakpoint
ALTER TABLE "steunpunt" ADD COLUMN "vog_max_years" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "steunpunt" ADD COLUMN "buddy_check_in_weeks" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "buddy" ADD CONSTRAINT "buddy_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy" ADD CONSTRAINT "buddy_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match" ADD CONSTRAINT "buddy_match_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match" ADD CONSTRAINT "buddy_match_request_id_buddy_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."buddy_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match" ADD CONSTRAINT "buddy_match_buddy_id_buddy_id_fk" FOREIGN KEY ("buddy_id") REFERENCES "public"."buddy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match_event" ADD CONSTRAINT "buddy_match_event_match_id_buddy_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."buddy_match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match_event" ADD CONSTRAINT "buddy_match_event_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_match_event" ADD CONSTRAINT "buddy_match_event_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_moment" ADD CONSTRAINT "buddy_moment_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_moment" ADD CONSTRAINT "buddy_moment_match_id_buddy_match_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."buddy_match"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_request" ADD CONSTRAINT "buddy_request_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_request" ADD CONSTRAINT "buddy_request_case_id_contact_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."contact_case"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_survey" ADD CONSTRAINT "buddy_survey_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buddy_tenant" ON "buddy" USING btree ("steunpunt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_user" ON "buddy" USING btree ("steunpunt_id","user_id");--> statement-breakpoint
CREATE INDEX "buddy_match_tenant" ON "buddy_match" USING btree ("steunpunt_id","status");--> statement-breakpoint
CREATE INDEX "buddy_match_buddy" ON "buddy_match" USING btree ("buddy_id","status");--> statement-breakpoint
CREATE INDEX "buddy_match_request" ON "buddy_match" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "buddy_match_event_match" ON "buddy_match_event" USING btree ("match_id","at");--> statement-breakpoint
CREATE INDEX "buddy_moment_match" ON "buddy_moment" USING btree ("match_id","day");--> statement-breakpoint
CREATE INDEX "buddy_request_tenant" ON "buddy_request" USING btree ("steunpunt_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_request_reference" ON "buddy_request" USING btree ("steunpunt_id","reference");--> statement-breakpoint
CREATE INDEX "buddy_survey_tenant" ON "buddy_survey" USING btree ("steunpunt_id","day");