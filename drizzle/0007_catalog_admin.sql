CREATE TABLE "product_option_product" (
	"product_id" text NOT NULL,
	"option_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_option_product_product_id_option_id_pk" PRIMARY KEY("product_id","option_id")
);
--> statement-breakpoint
ALTER TABLE "product_option" ALTER COLUMN "product_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "product_option" ADD COLUMN "is_exclusive" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "tax_region" ADD COLUMN "provider_id" text;--> statement-breakpoint
ALTER TABLE "product_option_product" ADD CONSTRAINT "product_option_product_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_option_product" ADD CONSTRAINT "product_option_product_option_id_product_option_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."product_option"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_option_product_option_idx" ON "product_option_product" USING btree ("option_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rate_single_default_uq" ON "tax_rate" USING btree ("tax_region_id") WHERE is_default and deleted_at is null;