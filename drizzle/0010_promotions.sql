CREATE TABLE "cart_line_item_adjustment" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"item_id" text NOT NULL,
	"code" text,
	"description" text,
	"amount" numeric NOT NULL,
	"is_tax_inclusive" boolean DEFAULT false NOT NULL,
	"promotion_id" text,
	"provider_id" text
);
--> statement-breakpoint
CREATE TABLE "cart_promotion" (
	"cart_id" text NOT NULL,
	"promotion_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_promotion_cart_id_promotion_id_pk" PRIMARY KEY("cart_id","promotion_id")
);
--> statement-breakpoint
CREATE TABLE "cart_shipping_method_adjustment" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"shipping_method_id" text NOT NULL,
	"code" text,
	"description" text,
	"amount" numeric NOT NULL,
	"is_tax_inclusive" boolean DEFAULT false NOT NULL,
	"promotion_id" text,
	"provider_id" text
);
--> statement-breakpoint
CREATE TABLE "application_method_buy_rules" (
	"application_method_id" text NOT NULL,
	"promotion_rule_id" text NOT NULL,
	CONSTRAINT "application_method_buy_rules_pk" PRIMARY KEY("application_method_id","promotion_rule_id")
);
--> statement-breakpoint
CREATE TABLE "application_method_target_rules" (
	"application_method_id" text NOT NULL,
	"promotion_rule_id" text NOT NULL,
	CONSTRAINT "application_method_target_rules_pk" PRIMARY KEY("application_method_id","promotion_rule_id")
);
--> statement-breakpoint
CREATE TABLE "promotion" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"code" text NOT NULL,
	"campaign_id" text,
	"is_automatic" boolean DEFAULT false NOT NULL,
	"is_tax_inclusive" boolean DEFAULT false NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"limit" integer,
	"used" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_application_method" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"promotion_id" text NOT NULL,
	"description" text,
	"value" numeric NOT NULL,
	"currency_code" text,
	"max_quantity" integer,
	"apply_to_quantity" integer,
	"buy_rules_min_quantity" integer,
	"type" text NOT NULL,
	"target_type" text NOT NULL,
	"allocation" text
);
--> statement-breakpoint
CREATE TABLE "promotion_campaign" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"description" text,
	"campaign_identifier" text NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "promotion_campaign_budget" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"type" text NOT NULL,
	"campaign_id" text NOT NULL,
	"currency_code" text,
	"limit" numeric,
	"used" numeric DEFAULT '0' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_promotion_rule" (
	"promotion_id" text NOT NULL,
	"promotion_rule_id" text NOT NULL,
	CONSTRAINT "promotion_promotion_rule_promotion_id_promotion_rule_id_pk" PRIMARY KEY("promotion_id","promotion_rule_id")
);
--> statement-breakpoint
CREATE TABLE "promotion_rule" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"description" text,
	"attribute" text NOT NULL,
	"operator" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_rule_value" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"promotion_rule_id" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order" ADD COLUMN "promotions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "order_line_item" ADD COLUMN "adjustments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "order_shipping_method" ADD COLUMN "adjustments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_line_item_adjustment" ADD CONSTRAINT "cart_line_item_adjustment_item_id_cart_line_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."cart_line_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_promotion" ADD CONSTRAINT "cart_promotion_cart_id_cart_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_shipping_method_adjustment" ADD CONSTRAINT "cart_shipping_method_adjustment_shipping_method_id_cart_shipping_method_id_fk" FOREIGN KEY ("shipping_method_id") REFERENCES "public"."cart_shipping_method"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_method_buy_rules" ADD CONSTRAINT "application_method_buy_rules_application_method_id_promotion_application_method_id_fk" FOREIGN KEY ("application_method_id") REFERENCES "public"."promotion_application_method"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_method_buy_rules" ADD CONSTRAINT "application_method_buy_rules_promotion_rule_id_promotion_rule_id_fk" FOREIGN KEY ("promotion_rule_id") REFERENCES "public"."promotion_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_method_target_rules" ADD CONSTRAINT "application_method_target_rules_application_method_id_promotion_application_method_id_fk" FOREIGN KEY ("application_method_id") REFERENCES "public"."promotion_application_method"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_method_target_rules" ADD CONSTRAINT "application_method_target_rules_promotion_rule_id_promotion_rule_id_fk" FOREIGN KEY ("promotion_rule_id") REFERENCES "public"."promotion_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion" ADD CONSTRAINT "promotion_campaign_id_promotion_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."promotion_campaign"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_application_method" ADD CONSTRAINT "promotion_application_method_promotion_id_promotion_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_campaign_budget" ADD CONSTRAINT "promotion_campaign_budget_campaign_id_promotion_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."promotion_campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_promotion_rule" ADD CONSTRAINT "promotion_promotion_rule_promotion_id_promotion_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_promotion_rule" ADD CONSTRAINT "promotion_promotion_rule_promotion_rule_id_promotion_rule_id_fk" FOREIGN KEY ("promotion_rule_id") REFERENCES "public"."promotion_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_rule_value" ADD CONSTRAINT "promotion_rule_value_promotion_rule_id_promotion_rule_id_fk" FOREIGN KEY ("promotion_rule_id") REFERENCES "public"."promotion_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cart_line_item_adjustment_item_idx" ON "cart_line_item_adjustment" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "cart_shipping_method_adjustment_method_idx" ON "cart_shipping_method_adjustment" USING btree ("shipping_method_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_code_uq" ON "promotion" USING btree (lower("code")) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "promotion_campaign_idx" ON "promotion" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_application_method_promotion_uq" ON "promotion_application_method" USING btree ("promotion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_campaign_identifier_uq" ON "promotion_campaign" USING btree ("campaign_identifier") WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_campaign_budget_campaign_uq" ON "promotion_campaign_budget" USING btree ("campaign_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "promotion_rule_value_rule_idx" ON "promotion_rule_value" USING btree ("promotion_rule_id");