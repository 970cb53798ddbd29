CREATE TABLE "api_key" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"token" text NOT NULL,
	"redacted" text NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_by" text DEFAULT '' NOT NULL,
	"revoked_by" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "publishable_api_key_sales_channel" (
	"publishable_key_id" text NOT NULL,
	"sales_channel_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publishable_api_key_sales_channel_publishable_key_id_sales_channel_id_pk" PRIMARY KEY("publishable_key_id","sales_channel_id")
);
--> statement-breakpoint
CREATE TABLE "fulfillment_provider" (
	"id" text PRIMARY KEY NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfillment_set" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"type" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geo_zone" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"type" text DEFAULT 'country' NOT NULL,
	"country_code" text NOT NULL,
	"province_code" text,
	"city" text,
	"postal_expression" jsonb,
	"service_zone_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "location_fulfillment_provider" (
	"stock_location_id" text NOT NULL,
	"fulfillment_provider_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "location_fulfillment_provider_stock_location_id_fulfillment_provider_id_pk" PRIMARY KEY("stock_location_id","fulfillment_provider_id")
);
--> statement-breakpoint
CREATE TABLE "location_fulfillment_set" (
	"stock_location_id" text NOT NULL,
	"fulfillment_set_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "location_fulfillment_set_stock_location_id_fulfillment_set_id_pk" PRIMARY KEY("stock_location_id","fulfillment_set_id")
);
--> statement-breakpoint
CREATE TABLE "service_zone" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"fulfillment_set_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_option" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"price_type" text DEFAULT 'flat' NOT NULL,
	"service_zone_id" text NOT NULL,
	"shipping_profile_id" text,
	"provider_id" text,
	"shipping_option_type_id" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "shipping_option_rule" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"attribute" text NOT NULL,
	"operator" text NOT NULL,
	"value" jsonb,
	"shipping_option_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_option_type" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"label" text NOT NULL,
	"description" text,
	"code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_profile" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"type" text DEFAULT 'default' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_item" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"sku" text,
	"title" text,
	"description" text,
	"thumbnail" text,
	"origin_country" text,
	"hs_code" text,
	"mid_code" text,
	"material" text,
	"weight" integer,
	"length" integer,
	"height" integer,
	"width" integer,
	"requires_shipping" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_level" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"inventory_item_id" text NOT NULL,
	"location_id" text NOT NULL,
	"stocked_quantity" integer DEFAULT 0 NOT NULL,
	"reserved_quantity" integer DEFAULT 0 NOT NULL,
	"incoming_quantity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inventory_level_stocked_nonnegative" CHECK ("inventory_level"."stocked_quantity" >= 0),
	CONSTRAINT "inventory_level_reserved_nonnegative" CHECK ("inventory_level"."reserved_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_variant_inventory_item" (
	"variant_id" text NOT NULL,
	"inventory_item_id" text NOT NULL,
	"required_quantity" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_variant_inventory_item_variant_id_inventory_item_id_pk" PRIMARY KEY("variant_id","inventory_item_id")
);
--> statement-breakpoint
CREATE TABLE "price" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text,
	"price_set_id" text NOT NULL,
	"currency_code" text NOT NULL,
	"amount" numeric NOT NULL,
	"min_quantity" integer,
	"max_quantity" integer,
	"rules_count" integer DEFAULT 0 NOT NULL,
	"price_list_id" text
);
--> statement-breakpoint
CREATE TABLE "price_preference" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"attribute" text NOT NULL,
	"value" text NOT NULL,
	"is_tax_inclusive" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_rule" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"price_id" text NOT NULL,
	"attribute" text NOT NULL,
	"operator" text DEFAULT 'eq' NOT NULL,
	"value" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_set" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_variant_price_set" (
	"variant_id" text PRIMARY KEY NOT NULL,
	"price_set_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_option_price_set" (
	"shipping_option_id" text PRIMARY KEY NOT NULL,
	"price_set_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"handle" text NOT NULL,
	"subtitle" text,
	"description" text,
	"is_giftcard" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"thumbnail" text,
	"weight" text,
	"length" text,
	"height" text,
	"width" text,
	"origin_country" text,
	"hs_code" text,
	"mid_code" text,
	"material" text,
	"discountable" boolean DEFAULT true NOT NULL,
	"external_id" text,
	"collection_id" text,
	"type_id" text
);
--> statement-breakpoint
CREATE TABLE "product_category" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"handle" text NOT NULL,
	"mpath" text NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"is_internal" boolean DEFAULT false NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"parent_category_id" text
);
--> statement-breakpoint
CREATE TABLE "product_category_product" (
	"product_id" text NOT NULL,
	"product_category_id" text NOT NULL,
	CONSTRAINT "product_category_product_product_id_product_category_id_pk" PRIMARY KEY("product_id","product_category_id")
);
--> statement-breakpoint
CREATE TABLE "product_collection" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"handle" text NOT NULL,
	"external_id" text
);
--> statement-breakpoint
CREATE TABLE "image" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"url" text NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"product_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_option" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"product_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_option_value" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"value" text NOT NULL,
	"option_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_sales_channel" (
	"product_id" text NOT NULL,
	"sales_channel_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_sales_channel_product_id_sales_channel_id_pk" PRIMARY KEY("product_id","sales_channel_id")
);
--> statement-breakpoint
CREATE TABLE "product_shipping_profile" (
	"product_id" text PRIMARY KEY NOT NULL,
	"shipping_profile_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_tag" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_tags" (
	"product_id" text NOT NULL,
	"product_tag_id" text NOT NULL,
	CONSTRAINT "product_tags_product_id_product_tag_id_pk" PRIMARY KEY("product_id","product_tag_id")
);
--> statement-breakpoint
CREATE TABLE "product_type" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_variant" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"sku" text,
	"barcode" text,
	"ean" text,
	"upc" text,
	"allow_backorder" boolean DEFAULT false NOT NULL,
	"manage_inventory" boolean DEFAULT true NOT NULL,
	"hs_code" text,
	"origin_country" text,
	"mid_code" text,
	"material" text,
	"weight" integer,
	"length" integer,
	"height" integer,
	"width" integer,
	"variant_rank" integer DEFAULT 0 NOT NULL,
	"thumbnail" text,
	"product_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_variant_option" (
	"variant_id" text NOT NULL,
	"option_value_id" text NOT NULL,
	CONSTRAINT "product_variant_option_variant_id_option_value_id_pk" PRIMARY KEY("variant_id","option_value_id")
);
--> statement-breakpoint
CREATE TABLE "region" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"currency_code" text NOT NULL,
	"automatic_taxes" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_country" (
	"iso_2" text PRIMARY KEY NOT NULL,
	"iso_3" text NOT NULL,
	"num_code" text NOT NULL,
	"name" text NOT NULL,
	"display_name" text NOT NULL,
	"region_id" text
);
--> statement-breakpoint
CREATE TABLE "region_payment_provider" (
	"region_id" text NOT NULL,
	"payment_provider_id" text NOT NULL,
	CONSTRAINT "region_payment_provider_region_id_payment_provider_id_pk" PRIMARY KEY("region_id","payment_provider_id")
);
--> statement-breakpoint
CREATE TABLE "sales_channel" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"description" text,
	"is_disabled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_channel_stock_location" (
	"sales_channel_id" text NOT NULL,
	"stock_location_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_channel_stock_location_sales_channel_id_stock_location_id_pk" PRIMARY KEY("sales_channel_id","stock_location_id")
);
--> statement-breakpoint
CREATE TABLE "stock_location" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"address_id" text
);
--> statement-breakpoint
CREATE TABLE "stock_location_address" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"address_1" text NOT NULL,
	"address_2" text,
	"company" text,
	"city" text,
	"country_code" text NOT NULL,
	"phone" text,
	"province" text,
	"postal_code" text
);
--> statement-breakpoint
CREATE TABLE "store" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text DEFAULT 'Medusa Store' NOT NULL,
	"default_sales_channel_id" text,
	"default_region_id" text,
	"default_location_id" text
);
--> statement-breakpoint
CREATE TABLE "store_currency" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"store_id" text NOT NULL,
	"currency_code" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_rate" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"tax_region_id" text NOT NULL,
	"rate" numeric NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"is_combinable" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_region" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"country_code" text NOT NULL,
	"province_code" text,
	"parent_id" text
);
--> statement-breakpoint
ALTER TABLE "publishable_api_key_sales_channel" ADD CONSTRAINT "publishable_api_key_sales_channel_publishable_key_id_api_key_id_fk" FOREIGN KEY ("publishable_key_id") REFERENCES "public"."api_key"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_zone" ADD CONSTRAINT "geo_zone_service_zone_id_service_zone_id_fk" FOREIGN KEY ("service_zone_id") REFERENCES "public"."service_zone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_fulfillment_provider" ADD CONSTRAINT "location_fulfillment_provider_fulfillment_provider_id_fulfillment_provider_id_fk" FOREIGN KEY ("fulfillment_provider_id") REFERENCES "public"."fulfillment_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_fulfillment_set" ADD CONSTRAINT "location_fulfillment_set_fulfillment_set_id_fulfillment_set_id_fk" FOREIGN KEY ("fulfillment_set_id") REFERENCES "public"."fulfillment_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_zone" ADD CONSTRAINT "service_zone_fulfillment_set_id_fulfillment_set_id_fk" FOREIGN KEY ("fulfillment_set_id") REFERENCES "public"."fulfillment_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_option" ADD CONSTRAINT "shipping_option_service_zone_id_service_zone_id_fk" FOREIGN KEY ("service_zone_id") REFERENCES "public"."service_zone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_option" ADD CONSTRAINT "shipping_option_shipping_profile_id_shipping_profile_id_fk" FOREIGN KEY ("shipping_profile_id") REFERENCES "public"."shipping_profile"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_option" ADD CONSTRAINT "shipping_option_provider_id_fulfillment_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."fulfillment_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_option" ADD CONSTRAINT "shipping_option_shipping_option_type_id_shipping_option_type_id_fk" FOREIGN KEY ("shipping_option_type_id") REFERENCES "public"."shipping_option_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_option_rule" ADD CONSTRAINT "shipping_option_rule_shipping_option_id_shipping_option_id_fk" FOREIGN KEY ("shipping_option_id") REFERENCES "public"."shipping_option"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_level" ADD CONSTRAINT "inventory_level_inventory_item_id_inventory_item_id_fk" FOREIGN KEY ("inventory_item_id") REFERENCES "public"."inventory_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variant_inventory_item" ADD CONSTRAINT "product_variant_inventory_item_inventory_item_id_inventory_item_id_fk" FOREIGN KEY ("inventory_item_id") REFERENCES "public"."inventory_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price" ADD CONSTRAINT "price_price_set_id_price_set_id_fk" FOREIGN KEY ("price_set_id") REFERENCES "public"."price_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_rule" ADD CONSTRAINT "price_rule_price_id_price_id_fk" FOREIGN KEY ("price_id") REFERENCES "public"."price"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variant_price_set" ADD CONSTRAINT "product_variant_price_set_price_set_id_price_set_id_fk" FOREIGN KEY ("price_set_id") REFERENCES "public"."price_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_option_price_set" ADD CONSTRAINT "shipping_option_price_set_price_set_id_price_set_id_fk" FOREIGN KEY ("price_set_id") REFERENCES "public"."price_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_collection_id_product_collection_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."product_collection"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_type_id_product_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."product_type"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_category_product" ADD CONSTRAINT "product_category_product_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_category_product" ADD CONSTRAINT "product_category_product_product_category_id_product_category_id_fk" FOREIGN KEY ("product_category_id") REFERENCES "public"."product_category"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "image" ADD CONSTRAINT "image_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_option" ADD CONSTRAINT "product_option_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_option_value" ADD CONSTRAINT "product_option_value_option_id_product_option_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."product_option"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_sales_channel" ADD CONSTRAINT "product_sales_channel_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_shipping_profile" ADD CONSTRAINT "product_shipping_profile_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_tags" ADD CONSTRAINT "product_tags_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_tags" ADD CONSTRAINT "product_tags_product_tag_id_product_tag_id_fk" FOREIGN KEY ("product_tag_id") REFERENCES "public"."product_tag"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variant" ADD CONSTRAINT "product_variant_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variant_option" ADD CONSTRAINT "product_variant_option_variant_id_product_variant_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variant_option" ADD CONSTRAINT "product_variant_option_option_value_id_product_option_value_id_fk" FOREIGN KEY ("option_value_id") REFERENCES "public"."product_option_value"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_country" ADD CONSTRAINT "region_country_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_payment_provider" ADD CONSTRAINT "region_payment_provider_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_channel_stock_location" ADD CONSTRAINT "sales_channel_stock_location_stock_location_id_stock_location_id_fk" FOREIGN KEY ("stock_location_id") REFERENCES "public"."stock_location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_location" ADD CONSTRAINT "stock_location_address_id_stock_location_address_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."stock_location_address"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_currency" ADD CONSTRAINT "store_currency_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_rate" ADD CONSTRAINT "tax_rate_tax_region_id_tax_region_id_fk" FOREIGN KEY ("tax_region_id") REFERENCES "public"."tax_region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_key_token_uq" ON "api_key" USING btree ("token") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "pak_sc_sales_channel_idx" ON "publishable_api_key_sales_channel" USING btree ("sales_channel_id");--> statement-breakpoint
CREATE INDEX "geo_zone_service_zone_idx" ON "geo_zone" USING btree ("service_zone_id");--> statement-breakpoint
CREATE INDEX "geo_zone_country_idx" ON "geo_zone" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "service_zone_fulfillment_set_idx" ON "service_zone" USING btree ("fulfillment_set_id");--> statement-breakpoint
CREATE INDEX "shipping_option_service_zone_idx" ON "shipping_option" USING btree ("service_zone_id");--> statement-breakpoint
CREATE INDEX "shipping_option_rule_option_idx" ON "shipping_option_rule" USING btree ("shipping_option_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_profile_name_uq" ON "shipping_profile" USING btree ("name") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_item_sku_uq" ON "inventory_item" USING btree ("sku") WHERE deleted_at is null and sku is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_level_item_location_uq" ON "inventory_level" USING btree ("inventory_item_id","location_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "inventory_level_location_idx" ON "inventory_level" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "pvii_item_idx" ON "product_variant_inventory_item" USING btree ("inventory_item_id");--> statement-breakpoint
CREATE INDEX "price_price_set_id_idx" ON "price" USING btree ("price_set_id","currency_code") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "price_preference_attribute_value_uq" ON "price_preference" USING btree ("attribute","value") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "price_rule_price_id_idx" ON "price_rule" USING btree ("price_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_handle_uq" ON "product" USING btree ("handle") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "product_collection_id_idx" ON "product" USING btree ("collection_id");--> statement-breakpoint
CREATE INDEX "product_type_id_idx" ON "product" USING btree ("type_id");--> statement-breakpoint
CREATE INDEX "product_status_idx" ON "product" USING btree ("status") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "product_category_handle_uq" ON "product_category" USING btree ("handle") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "product_category_parent_idx" ON "product_category" USING btree ("parent_category_id");--> statement-breakpoint
CREATE INDEX "product_category_mpath_idx" ON "product_category" USING btree ("mpath");--> statement-breakpoint
CREATE INDEX "product_category_product_cat_idx" ON "product_category_product" USING btree ("product_category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_collection_handle_uq" ON "product_collection" USING btree ("handle") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "image_product_id_idx" ON "image" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_option_title_uq" ON "product_option" USING btree ("product_id","title") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "product_option_value_uq" ON "product_option_value" USING btree ("option_id","value") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "product_sales_channel_sc_idx" ON "product_sales_channel" USING btree ("sales_channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_tag_value_uq" ON "product_tag" USING btree ("value") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "product_tags_tag_idx" ON "product_tags" USING btree ("product_tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_type_value_uq" ON "product_type" USING btree ("value") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "product_variant_sku_uq" ON "product_variant" USING btree ("sku") WHERE deleted_at is null and sku is not null;--> statement-breakpoint
CREATE INDEX "product_variant_product_id_idx" ON "product_variant" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "region_deleted_at_idx" ON "region" USING btree ("deleted_at");--> statement-breakpoint
CREATE INDEX "region_country_region_id_idx" ON "region_country" USING btree ("region_id") WHERE region_id is not null;--> statement-breakpoint
CREATE INDEX "sc_sl_location_idx" ON "sales_channel_stock_location" USING btree ("stock_location_id");--> statement-breakpoint
CREATE INDEX "store_currency_store_id_idx" ON "store_currency" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "tax_rate_tax_region_id_idx" ON "tax_rate" USING btree ("tax_region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_region_country_province_uq" ON "tax_region" USING btree ("country_code",coalesce("province_code", '')) WHERE deleted_at is null;