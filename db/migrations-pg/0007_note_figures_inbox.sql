CREATE TABLE "inbox_dismissals" (
	"user_id" text NOT NULL,
	"item_key" text NOT NULL,
	"dismissed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_dismissals_user_id_item_key_pk" PRIMARY KEY("user_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "note_figures" (
	"note_id" text NOT NULL,
	"figure_key" text NOT NULL,
	"shown" text NOT NULL,
	"value" double precision,
	"used" text DEFAULT '[]' NOT NULL,
	"data_versions" text DEFAULT '{}' NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "note_figures_note_id_figure_key_pk" PRIMARY KEY("note_id","figure_key")
);
--> statement-breakpoint
ALTER TABLE "inbox_dismissals" ADD CONSTRAINT "inbox_dismissals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_figures" ADD CONSTRAINT "note_figures_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE cascade ON UPDATE no action;
