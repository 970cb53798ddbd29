CREATE TABLE "order_fulfillment_label" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"fulfillment_id" text NOT NULL,
	"tracking_number" text NOT NULL,
	"tracking_url" text NOT NULL,
	"label_url" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory_item" ADD COLUMN "unit_of_measure" text;--> statement-breakpoint
ALTER TABLE "order_fulfillment_item" ADD COLUMN "stock" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "order_fulfillment_label" ADD CONSTRAINT "order_fulfillment_label_fulfillment_id_order_fulfillment_id_fk" FOREIGN KEY ("fulfillment_id") REFERENCES "public"."order_fulfillment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_fulfillment_label_fulfillment_idx" ON "order_fulfillment_label" USING btree ("fulfillment_id");