CREATE TABLE "store" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text DEFAULT 'Medusa Store' NOT NULL,
	"default_sales_channel_id" text,
	"default_region_id" text,
	"default_location_id" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
