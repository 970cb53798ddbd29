CREATE TABLE "product_variant_product_image" (
	"id" text PRIMARY KEY NOT NULL,
	"variant_id" text NOT NULL,
	"image_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "product_variant_product_image" ADD CONSTRAINT "product_variant_product_image_variant_id_product_variant_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variant_product_image" ADD CONSTRAINT "product_variant_product_image_image_id_image_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."image"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_variant_product_image_uq" ON "product_variant_product_image" USING btree ("variant_id","image_id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "product_variant_product_image_image_id_idx" ON "product_variant_product_image" USING btree ("image_id");