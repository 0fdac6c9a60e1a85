CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"naam" text NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"is_landelijk" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "app_user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"steunpunt_id" uuid,
	"user_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "gemeente" (
	"code" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"provincie" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_term" (
	"slug" text PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"aliases" text[] NOT NULL,
	"definition" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_text" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"phase" text NOT NULL,
	"topics" text[] NOT NULL,
	"subject" text NOT NULL,
	"audience" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"keywords" text[] NOT NULL,
	"related" text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pc4" (
	"pc4" text PRIMARY KEY NOT NULL,
	"gemeente_code" text,
	"swv_po" text,
	"swv_vo" text
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "route_step" (
	"slug" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"who" text NOT NULL,
	"what" text NOT NULL,
	"tips" text[] NOT NULL,
	"costs" text,
	"deadlines" text,
	"regional" text
);
--> statement-breakpoint
CREATE TABLE "school" (
	"vestigingscode" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"soort" text NOT NULL,
	"plaats" text,
	"postcode" text,
	"pc4" text,
	"gemeente_code" text,
	"swv_po" text,
	"swv_vo" text,
	"website" text
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"two_factor_verified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "steunpunt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"naam" text NOT NULL,
	"telefoon" text,
	"email" text,
	"openingstijden" text,
	"intro" text,
	"regio_info" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"response_days" integer DEFAULT 3 NOT NULL,
	"reviewers_required" integer DEFAULT 2 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "steunpunt_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "swv" (
	"code" text PRIMARY KEY NOT NULL,
	"sector" text NOT NULL,
	"naam" text,
	"website" text,
	"steunpunt_id" uuid
);
--> statement-breakpoint
CREATE TABLE "swv_gemeente" (
	"swv_code" text NOT NULL,
	"gemeente_code" text NOT NULL,
	"sector" text NOT NULL,
	"aandeel" real NOT NULL,
	CONSTRAINT "swv_gemeente_swv_code_gemeente_code_pk" PRIMARY KEY("swv_code","gemeente_code")
);
--> statement-breakpoint
CREATE TABLE "text_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"helped" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"supported" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "text_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"text_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"phase" text NOT NULL,
	"topics" text[] NOT NULL,
	"subject" text NOT NULL,
	"audience" text DEFAULT 'ouder' NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"keywords" text[] NOT NULL,
	"related" text[] NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"readability" jsonb,
	"override_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "text" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steunpunt_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"library_slug" text,
	"library_version" integer,
	"published_version_id" uuid,
	"review_before" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "woonplaats" (
	"code" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"gemeente_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swv" ADD CONSTRAINT "swv_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_feedback" ADD CONSTRAINT "text_feedback_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_review" ADD CONSTRAINT "text_review_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_review" ADD CONSTRAINT "text_review_version_id_text_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."text_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_version" ADD CONSTRAINT "text_version_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_version" ADD CONSTRAINT "text_version_text_id_text_id_fk" FOREIGN KEY ("text_id") REFERENCES "public"."text"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text" ADD CONSTRAINT "text_steunpunt_id_steunpunt_id_fk" FOREIGN KEY ("steunpunt_id") REFERENCES "public"."steunpunt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_tenant_at" ON "audit_log" USING btree ("steunpunt_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_unique" ON "membership" USING btree ("steunpunt_id","user_id","role");--> statement-breakpoint
CREATE INDEX "school_naam_idx" ON "school" USING btree ("naam");--> statement-breakpoint
CREATE INDEX "text_feedback_tenant_slug" ON "text_feedback" USING btree ("steunpunt_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "text_review_once" ON "text_review" USING btree ("version_id","reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "text_version_number" ON "text_version" USING btree ("text_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "text_tenant_slug" ON "text" USING btree ("steunpunt_id","slug");--> statement-breakpoint
CREATE INDEX "woonplaats_naam_idx" ON "woonplaats" USING btree ("naam");