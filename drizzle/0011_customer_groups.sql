CREATE TABLE "customer_group" (
	"id" text PRIMARY KEY NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "customer_group_customer" (
	"customer_group_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_group_customer_pk" PRIMARY KEY("customer_group_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "customer_group_customer" ADD CONSTRAINT "customer_group_customer_customer_group_id_customer_group_id_fk" FOREIGN KEY ("customer_group_id") REFERENCES "public"."customer_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_customer" ADD CONSTRAINT "customer_group_customer_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_group_name_uq" ON "customer_group" USING btree ("name") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "customer_group_customer_customer_idx" ON "customer_group_customer" USING btree ("customer_id");