CREATE TABLE "reservation_item" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"line_item_id" text,
	"inventory_item_id" text NOT NULL,
	"location_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"allow_backorder" boolean DEFAULT false NOT NULL,
	"description" text,
	"external_id" text
);
--> statement-breakpoint
CREATE TABLE "cart" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"region_id" text,
	"customer_id" text,
	"sales_channel_id" text,
	"email" text,
	"currency_code" text NOT NULL,
	"locale" text,
	"shipping_address_id" text,
	"billing_address_id" text,
	"payment_collection_id" text,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cart_address" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"customer_id" text,
	"company" text,
	"first_name" text,
	"last_name" text,
	"address_1" text,
	"address_2" text,
	"city" text,
	"country_code" text,
	"province" text,
	"postal_code" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "cart_line_item" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"cart_id" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"thumbnail" text,
	"quantity" integer NOT NULL,
	"variant_id" text,
	"product_id" text,
	"product_title" text,
	"product_description" text,
	"product_subtitle" text,
	"product_handle" text,
	"product_collection" text,
	"product_type" text,
	"variant_sku" text,
	"variant_barcode" text,
	"variant_title" text,
	"variant_option_values" jsonb,
	"requires_shipping" boolean DEFAULT true NOT NULL,
	"is_discountable" boolean DEFAULT true NOT NULL,
	"is_tax_inclusive" boolean DEFAULT false NOT NULL,
	"is_custom_price" boolean DEFAULT false NOT NULL,
	"unit_price" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cart_shipping_method" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"cart_id" text NOT NULL,
	"name" text NOT NULL,
	"description" jsonb,
	"amount" numeric NOT NULL,
	"is_tax_inclusive" boolean DEFAULT false NOT NULL,
	"shipping_option_id" text,
	"shipping_profile_id" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"key" text PRIMARY KEY NOT NULL,
	"cart_id" text NOT NULL,
	"order_id" text,
	"created_at" text DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"display_id" serial NOT NULL,
	"cart_id" text,
	"region_id" text,
	"customer_id" text,
	"sales_channel_id" text,
	"email" text,
	"currency_code" text NOT NULL,
	"locale" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"shipping_address_id" text,
	"billing_address_id" text,
	"payment_collection_id" text,
	"totals" jsonb NOT NULL,
	"canceled_at" text
);
--> statement-breakpoint
CREATE TABLE "order_address" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"customer_id" text,
	"company" text,
	"first_name" text,
	"last_name" text,
	"address_1" text,
	"address_2" text,
	"city" text,
	"country_code" text,
	"province" text,
	"postal_code" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "order_line_item" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"order_id" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"thumbnail" text,
	"quantity" integer NOT NULL,
	"variant_id" text,
	"product_id" text,
	"product_title" text,
	"product_description" text,
	"product_subtitle" text,
	"product_handle" text,
	"product_collection" text,
	"product_type" text,
	"variant_sku" text,
	"variant_barcode" text,
	"variant_title" text,
	"variant_option_values" jsonb,
	"requires_shipping" boolean DEFAULT true NOT NULL,
	"is_discountable" boolean DEFAULT true NOT NULL,
	"is_tax_inclusive" boolean DEFAULT false NOT NULL,
	"unit_price" numeric NOT NULL,
	"tax_rate" numeric DEFAULT '0' NOT NULL,
	"totals" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_shipping_method" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"order_id" text NOT NULL,
	"name" text NOT NULL,
	"amount" numeric NOT NULL,
	"is_tax_inclusive" boolean DEFAULT false NOT NULL,
	"shipping_option_id" text,
	"tax_rate" numeric DEFAULT '0' NOT NULL,
	"totals" jsonb NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "payment" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"payment_collection_id" text NOT NULL,
	"payment_session_id" text NOT NULL,
	"amount" numeric NOT NULL,
	"currency_code" text NOT NULL,
	"provider_id" text NOT NULL,
	"data" jsonb,
	"captured_at" timestamp with time zone,
	"canceled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_collection" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"currency_code" text NOT NULL,
	"amount" numeric NOT NULL,
	"authorized_amount" numeric,
	"captured_amount" numeric,
	"refunded_amount" numeric,
	"region_id" text,
	"status" text DEFAULT 'not_paid' NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_provider" (
	"id" text PRIMARY KEY NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_session" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"payment_collection_id" text NOT NULL,
	"currency_code" text NOT NULL,
	"amount" numeric NOT NULL,
	"provider_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"context" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"authorized_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "reservation_item" ADD CONSTRAINT "reservation_item_inventory_item_id_inventory_item_id_fk" FOREIGN KEY ("inventory_item_id") REFERENCES "public"."inventory_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart" ADD CONSTRAINT "cart_shipping_address_id_cart_address_id_fk" FOREIGN KEY ("shipping_address_id") REFERENCES "public"."cart_address"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart" ADD CONSTRAINT "cart_billing_address_id_cart_address_id_fk" FOREIGN KEY ("billing_address_id") REFERENCES "public"."cart_address"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_line_item" ADD CONSTRAINT "cart_line_item_cart_id_cart_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_shipping_method" ADD CONSTRAINT "cart_shipping_method_cart_id_cart_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_shipping_address_id_order_address_id_fk" FOREIGN KEY ("shipping_address_id") REFERENCES "public"."order_address"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_billing_address_id_order_address_id_fk" FOREIGN KEY ("billing_address_id") REFERENCES "public"."order_address"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_line_item" ADD CONSTRAINT "order_line_item_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_shipping_method" ADD CONSTRAINT "order_shipping_method_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment" ADD CONSTRAINT "payment_payment_collection_id_payment_collection_id_fk" FOREIGN KEY ("payment_collection_id") REFERENCES "public"."payment_collection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_session" ADD CONSTRAINT "payment_session_payment_collection_id_payment_collection_id_fk" FOREIGN KEY ("payment_collection_id") REFERENCES "public"."payment_collection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservation_item_line_item_idx" ON "reservation_item" USING btree ("line_item_id");--> statement-breakpoint
CREATE INDEX "reservation_item_inventory_item_idx" ON "reservation_item" USING btree ("inventory_item_id");--> statement-breakpoint
CREATE INDEX "cart_customer_idx" ON "cart" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "cart_line_item_cart_idx" ON "cart_line_item" USING btree ("cart_id");--> statement-breakpoint
CREATE INDEX "cart_shipping_method_cart_idx" ON "cart_shipping_method" USING btree ("cart_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_cart_id_uq" ON "order" USING btree ("cart_id") WHERE cart_id is not null;--> statement-breakpoint
CREATE INDEX "order_customer_idx" ON "order" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_display_id_uq" ON "order" USING btree ("display_id");--> statement-breakpoint
CREATE INDEX "order_line_item_order_idx" ON "order_line_item" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_shipping_method_order_idx" ON "order_shipping_method" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payment_collection_idx" ON "payment" USING btree ("payment_collection_id");--> statement-breakpoint
CREATE INDEX "payment_session_collection_idx" ON "payment_session" USING btree ("payment_collection_id");--> statement-breakpoint
CREATE INDEX "event_outbox_unpublished_idx" ON "event_outbox" USING btree ("created_at");--> statement-breakpoint
INSERT INTO "payment_provider" ("id", "is_enabled") VALUES ('pp_system_default', true) ON CONFLICT DO NOTHING;
