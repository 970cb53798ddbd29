CREATE TABLE "refund_reason" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"label" text NOT NULL,
	"code" text NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "refund_reason_code_uq" ON "refund_reason" USING btree ("code") WHERE deleted_at is null;