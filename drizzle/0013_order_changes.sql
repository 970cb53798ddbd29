CREATE TABLE "order_change" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"order_id" text NOT NULL,
	"version" integer NOT NULL,
	"change_type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"return_id" text,
	"exchange_id" text,
	"claim_id" text,
	"description" text,
	"internal_note" text,
	"created_by" text,
	"requested_by" text,
	"requested_at" timestamp with time zone,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"declined_by" text,
	"declined_reason" text,
	"declined_at" timestamp with time zone,
	"canceled_by" text,
	"canceled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_change_action" (
	"id" text PRIMARY KEY NOT NULL,
	"order_change_id" text NOT NULL,
	"order_id" text NOT NULL,
	"version" integer NOT NULL,
	"ordering" serial NOT NULL,
	"action" text NOT NULL,
	"reference" text,
	"reference_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"amount" numeric,
	"internal_note" text,
	"applied" boolean DEFAULT false NOT NULL,
	"return_id" text,
	"exchange_id" text,
	"claim_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_claim" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"order_id" text NOT NULL,
	"return_id" text,
	"display_id" serial NOT NULL,
	"order_version" integer NOT NULL,
	"type" text NOT NULL,
	"no_notification" boolean DEFAULT false NOT NULL,
	"refund_amount" numeric,
	"created_by" text,
	"canceled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_claim_item" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"claim_id" text NOT NULL,
	"item_id" text NOT NULL,
	"is_additional_item" boolean DEFAULT false NOT NULL,
	"reason" text,
	"quantity" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "order_exchange" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"order_id" text NOT NULL,
	"return_id" text,
	"display_id" serial NOT NULL,
	"order_version" integer NOT NULL,
	"no_notification" boolean DEFAULT false NOT NULL,
	"allow_backorder" boolean DEFAULT false NOT NULL,
	"difference_due" numeric,
	"created_by" text,
	"canceled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_payment_collection" (
	"order_id" text NOT NULL,
	"payment_collection_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_payment_collection_order_id_payment_collection_id_pk" PRIMARY KEY("order_id","payment_collection_id")
);
--> statement-breakpoint
CREATE TABLE "return" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"order_id" text NOT NULL,
	"exchange_id" text,
	"claim_id" text,
	"display_id" serial NOT NULL,
	"order_version" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"location_id" text,
	"no_notification" boolean DEFAULT false NOT NULL,
	"refund_amount" numeric,
	"created_by" text,
	"requested_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"canceled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "return_item" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"return_id" text NOT NULL,
	"item_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"received_quantity" integer DEFAULT 0 NOT NULL,
	"damaged_quantity" integer DEFAULT 0 NOT NULL,
	"reason_id" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "return_reason" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"value" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"parent_return_reason_id" text
);
--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "summary" jsonb;--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "is_draft_order" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line_item" ADD COLUMN "return_requested_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line_item" ADD COLUMN "return_received_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line_item" ADD COLUMN "return_dismissed_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line_item" ADD COLUMN "written_off_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_shipping_method" ADD COLUMN "return_id" text;--> statement-breakpoint
ALTER TABLE "order_shipping_method" ADD COLUMN "exchange_id" text;--> statement-breakpoint
ALTER TABLE "order_shipping_method" ADD COLUMN "claim_id" text;--> statement-breakpoint
ALTER TABLE "order_change" ADD CONSTRAINT "order_change_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_change_action" ADD CONSTRAINT "order_change_action_order_change_id_order_change_id_fk" FOREIGN KEY ("order_change_id") REFERENCES "public"."order_change"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_claim" ADD CONSTRAINT "order_claim_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_claim_item" ADD CONSTRAINT "order_claim_item_claim_id_order_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."order_claim"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_exchange" ADD CONSTRAINT "order_exchange_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_payment_collection" ADD CONSTRAINT "order_payment_collection_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return" ADD CONSTRAINT "return_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_item" ADD CONSTRAINT "return_item_return_id_return_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."return"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_change_active_uq" ON "order_change" USING btree ("order_id") WHERE status in ('pending', 'requested');--> statement-breakpoint
CREATE INDEX "order_change_return_idx" ON "order_change" USING btree ("return_id");--> statement-breakpoint
CREATE INDEX "order_change_action_change_idx" ON "order_change_action" USING btree ("order_change_id");--> statement-breakpoint
CREATE INDEX "order_claim_order_idx" ON "order_claim" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_claim_item_claim_idx" ON "order_claim_item" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "order_exchange_order_idx" ON "order_exchange" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "return_order_idx" ON "return" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "return_item_return_idx" ON "return_item" USING btree ("return_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_reason_value_uq" ON "return_reason" USING btree ("value") WHERE deleted_at is null;