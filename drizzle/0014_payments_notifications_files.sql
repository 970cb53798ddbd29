CREATE TABLE "payment_webhook_event" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"event_type" text NOT NULL,
	"object_id" text,
	"action" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"to" text NOT NULL,
	"from" text,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"data" jsonb,
	"content" jsonb,
	"trigger_type" text,
	"resource_id" text,
	"resource_type" text,
	"receiver_id" text,
	"original_notification_id" text,
	"idempotency_key" text,
	"external_id" text,
	"provider_id" text,
	"status" text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"key" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"provider_id" text NOT NULL,
	"url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_blob" (
	"key" text PRIMARY KEY NOT NULL,
	"content_base64" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notification_idempotency_key_unique" ON "notification" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "notification_receiver_idx" ON "notification" USING btree ("receiver_id");--> statement-breakpoint
CREATE UNIQUE INDEX "file_key_unique" ON "file" USING btree ("key");--> statement-breakpoint
CREATE INDEX "file_created_at_idx" ON "file" USING btree ("created_at");