CREATE TABLE "series_tiers" (
	"series_id" text NOT NULL,
	"data_version" integer NOT NULL,
	"block" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "series_tiers_series_id_data_version_block_pk" PRIMARY KEY("series_id","data_version","block")
);
--> statement-breakpoint
ALTER TABLE "series_tiers" ADD CONSTRAINT "series_tiers_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;