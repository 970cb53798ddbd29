CREATE TABLE "event_delivery" (
	"event_id" text NOT NULL,
	"subscriber_id" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "event_delivery_event_id_subscriber_id_pk" PRIMARY KEY("event_id","subscriber_id")
);
