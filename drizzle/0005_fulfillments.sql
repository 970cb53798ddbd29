CREATE TABLE "order_fulfillment" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"order_id" text NOT NULL,
	"location_id" text,
	"provider_id" text DEFAULT 'manual_manual' NOT NULL,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"canceled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_fulfillment_item" (
	"fulfillment_id" text NOT NULL,
	"line_item_id" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "order_fulfillment_item_fulfillment_id_line_item_id_pk" PRIMARY KEY("fulfillment_id","line_item_id")
);
--> statement-breakpoint
ALTER TABLE "order_fulfillment" ADD CONSTRAINT "order_fulfillment_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_fulfillment_item" ADD CONSTRAINT "order_fulfillment_item_fulfillment_id_order_fulfillment_id_fk" FOREIGN KEY ("fulfillment_id") REFERENCES "public"."order_fulfillment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_fulfillment_order_idx" ON "order_fulfillment" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_fulfillment_item_line_idx" ON "order_fulfillment_item" USING btree ("line_item_id");