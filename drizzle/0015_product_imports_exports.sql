CREATE TABLE "product_import" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"status" text NOT NULL,
	"filename" text NOT NULL,
	"file_key" text NOT NULL,
	"plan" jsonb NOT NULL,
	"to_create" integer NOT NULL,
	"to_update" integer NOT NULL,
	"created_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "file" ADD COLUMN "access" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
CREATE INDEX "product_import_created_at_idx" ON "product_import" USING btree ("created_at");