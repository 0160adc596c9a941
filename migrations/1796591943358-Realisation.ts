import { MigrationInterface, QueryRunner } from "typeorm";
import { addRealisationForeignKeys } from "./parts/realisation-foreign-keys";

/**
 * Issue 13's schema: the idea team and invitations, the experiment (hypothesis history, measures,
 * log book), the implementation project (milestones with a version for optimistic concurrency,
 * updates, budget), impact indicators and measurements, return-to-field reviews and replications.
 * The CHECK constraints repeat the bounds of libs/domain/src/realisation (docs/realisation.md) so a
 * value the domain refuses can never be stored by another path.
 */
const TABLES = [
    "replication", "field_review", "field_review_settings", "impact_measurement", "impact_indicator", "budget_line",
    "project_update", "milestone", "implementation_project", "experiment_agenda_item", "log_entry_attachment",
    "log_entry", "experiment_measure", "experiment_hypothesis", "experiment", "idea_team_invitation", "idea_team_member",
];

/** Bounds per impact category (IMPACT_BOUNDS in the domain). */
const IMPACT_VALUE_BOUNDS = (column: string) => `CASE category
    WHEN 'money_saved' THEN ${column} BETWEEN 0 AND 1e11
    WHEN 'staff_hours_saved' THEN ${column} BETWEEN 0 AND 1e8
    WHEN 'public_hours_saved' THEN ${column} BETWEEN 0 AND 1e9
    WHEN 'environment_carbon' THEN ${column} BETWEEN 0 AND 1e7
    WHEN 'other' THEN ${column} BETWEEN -1e9 AND 1e9
    ELSE ${column} BETWEEN -1e6 AND 1e6 END`;

const CATEGORIES = `'money_saved', 'staff_hours_saved', 'public_hours_saved', 'service_quality', 'safety', 'environment_carbon', 'satisfaction', 'other'`;

/** Required text: not blank, at most `max` characters. */
const text = (column: string, max: number) => `(char_length(btrim(${column})) > 0 AND char_length(${column}) <= ${max})`;

export class Realisation1796591943358 implements MigrationInterface {
    name = 'Realisation1796591943358'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const q = (sql: string) => queryRunner.query(sql);

        // The idea team: one lead per idea; an anonymous author's row is never shown with a name (domain showMember).
        await q(`
            CREATE TABLE "idea_team_member" (
                "idea_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "role" text NOT NULL,
                "is_author" boolean NOT NULL DEFAULT false,
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_idea_team_member_role" CHECK (role IN ('lead', 'member')),
                CONSTRAINT "pk_idea_team_member" PRIMARY KEY ("idea_id", "person_id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_idea_team_member_lead" ON "idea_team_member" ("idea_id") WHERE role = 'lead'`);
        await q(`CREATE INDEX "ix_idea_team_member_person" ON "idea_team_member" ("person_id")`);
        await q(`
            CREATE TABLE "idea_team_invitation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "invitee_id" uuid NOT NULL,
                "invited_by" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "answered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_idea_team_invitation_status" CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
                CONSTRAINT "ck_idea_team_invitation_answered" CHECK ((status = 'pending') = (answered_at IS NULL)),
                CONSTRAINT "pk_idea_team_invitation" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_idea_team_invitation_pending" ON "idea_team_invitation" ("idea_id", "invitee_id") WHERE status = 'pending'`);
        await q(`CREATE INDEX "ix_idea_team_invitation_invitee" ON "idea_team_invitation" ("invitee_id") WHERE status = 'pending'`);

        // The experiment: the protocol, dates at most 730 days apart, and an outcome; a stop carries learnings.
        await q(`
            CREATE TABLE "experiment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "what_is_tried" text NOT NULL,
                "where_tried" text NOT NULL,
                "with_whom" text NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "status" text NOT NULL DEFAULT 'running',
                "learnings" text,
                "outcome_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "ck_experiment_status" CHECK (status IN ('running', 'validated', 'stopped')),
                CONSTRAINT "ck_experiment_dates" CHECK (ends_on >= starts_on AND ends_on - starts_on <= 730),
                CONSTRAINT "ck_experiment_protocol" CHECK (${text("what_is_tried", 5000)} AND ${text("where_tried", 1000)} AND ${text("with_whom", 1000)}),
                CONSTRAINT "ck_experiment_learnings" CHECK (learnings IS NULL OR char_length(learnings) <= 10000),
                CONSTRAINT "ck_experiment_stopped_learnings" CHECK (status <> 'stopped' OR (learnings IS NOT NULL AND char_length(btrim(learnings)) > 0)),
                CONSTRAINT "ck_experiment_outcome_at" CHECK ((status = 'running') = (outcome_at IS NULL)),
                CONSTRAINT "pk_experiment" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE INDEX "ix_experiment_idea" ON "experiment" ("idea_id")`);
        // The end-date reminders look up running experiments by end date.
        await q(`CREATE INDEX "ix_experiment_running_ends" ON "experiment" ("ends_on") WHERE status = 'running'`);
        // Hypothesis history: a pivot adds a version and keeps the old ones (superseded_at set).
        await q(`
            CREATE TABLE "experiment_hypothesis" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "experiment_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "change" text NOT NULL,
                "audience" text NOT NULL,
                "expected_result" text NOT NULL,
                "pivot_reason" text,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "superseded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_experiment_hypothesis_parts" CHECK (${text("change", 500)} AND ${text("audience", 500)} AND ${text("expected_result", 500)}),
                CONSTRAINT "ck_experiment_hypothesis_version" CHECK (version >= 1),
                CONSTRAINT "ck_experiment_hypothesis_pivot" CHECK (version = 1 OR (pivot_reason IS NOT NULL AND ${text("pivot_reason", 10000)})),
                CONSTRAINT "pk_experiment_hypothesis" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_experiment_hypothesis_version" ON "experiment_hypothesis" ("experiment_id", "version")`);
        await q(`CREATE UNIQUE INDEX "ux_experiment_hypothesis_current" ON "experiment_hypothesis" ("experiment_id") WHERE superseded_at IS NULL`);
        await q(`
            CREATE TABLE "experiment_measure" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "experiment_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "label" text NOT NULL,
                "unit" text NOT NULL,
                "target" numeric NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_experiment_measure_text" CHECK (${text("label", 200)} AND ${text("unit", 40)}),
                CONSTRAINT "ck_experiment_measure_target" CHECK (target BETWEEN -1e12 AND 1e12),
                CONSTRAINT "pk_experiment_measure" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_experiment_measure_position" ON "experiment_measure" ("experiment_id", "position")`);
        // The log book: editable by its writer for 24 h (enforced by the domain), read by day then writing time.
        await q(`
            CREATE TABLE "log_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "experiment_id" uuid NOT NULL,
                "hypothesis_id" uuid NOT NULL,
                "writer_id" uuid NOT NULL,
                "body_html" text NOT NULL,
                "occurred_on" date NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_log_entry_body" CHECK (${text("body_html", 20000)}),
                CONSTRAINT "ck_log_entry_edit_window" CHECK (edited_at IS NULL OR (edited_at >= created_at AND edited_at < created_at + interval '24 hours')),
                CONSTRAINT "pk_log_entry" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE INDEX "ix_log_entry_experiment_order" ON "log_entry" ("experiment_id", "occurred_on", "created_at", "id")`);
        await q(`CREATE INDEX "ix_log_entry_hypothesis" ON "log_entry" ("hypothesis_id")`);
        // Photos and files go through the idea's attachment checks; an entry only points at them.
        await q(`
            CREATE TABLE "log_entry_attachment" (
                "log_entry_id" uuid NOT NULL,
                "attachment_id" uuid NOT NULL,
                CONSTRAINT "pk_log_entry_attachment" PRIMARY KEY ("log_entry_id", "attachment_id")
            )
        `);
        await q(`CREATE INDEX "ix_log_entry_attachment_attachment" ON "log_entry_attachment" ("attachment_id")`);
        // A validated experiment's evidence attached to the committee agenda item asking for decide_implement.
        await q(`
            CREATE TABLE "experiment_agenda_item" (
                "experiment_id" uuid NOT NULL,
                "agenda_item_id" uuid NOT NULL,
                "attached_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_experiment_agenda_item" PRIMARY KEY ("experiment_id", "agenda_item_id")
            )
        `);
        await q(`CREATE INDEX "ix_experiment_agenda_item_item" ON "experiment_agenda_item" ("agenda_item_id")`);

        // The implementation project. Its unit is its own (a replication's unit differs from the idea's).
        await q(`
            CREATE TABLE "implementation_project" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "owner_id" uuid NOT NULL,
                "org_unit_id" uuid NOT NULL,
                "starts_on" date NOT NULL,
                "go_live_at" TIMESTAMP WITH TIME ZONE,
                "budget_planned" numeric(13,2) NOT NULL DEFAULT 0,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "ck_implementation_project_budget" CHECK (budget_planned BETWEEN 0 AND 1e11),
                CONSTRAINT "ck_implementation_project_version" CHECK (version >= 1),
                CONSTRAINT "pk_implementation_project" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE INDEX "ix_implementation_project_idea" ON "implementation_project" ("idea_id")`);
        await q(`CREATE INDEX "ix_implementation_project_owner" ON "implementation_project" ("owner_id")`);
        await q(`CREATE INDEX "ix_implementation_project_unit" ON "implementation_project" ("org_unit_id")`);
        // Milestones: `version` is bumped on every update (UPDATE … WHERE version = $read) so two editors never lose a change.
        await q(`
            CREATE TABLE "milestone" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "project_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "title" text NOT NULL,
                "weight" integer NOT NULL,
                "due_on" date NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "progress" integer NOT NULL DEFAULT 0,
                "drop_reason" text,
                "done_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_by" uuid,
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "ck_milestone_title" CHECK (${text("title", 200)}),
                CONSTRAINT "ck_milestone_weight" CHECK (weight BETWEEN 1 AND 100),
                CONSTRAINT "ck_milestone_progress" CHECK (progress BETWEEN 0 AND 100),
                CONSTRAINT "ck_milestone_status" CHECK (status IN ('open', 'done', 'dropped')),
                CONSTRAINT "ck_milestone_dropped_reason" CHECK (status <> 'dropped' OR (drop_reason IS NOT NULL AND ${text("drop_reason", 2000)})),
                CONSTRAINT "ck_milestone_done_at" CHECK ((status = 'done') = (done_at IS NOT NULL)),
                CONSTRAINT "ck_milestone_version" CHECK (version >= 1),
                CONSTRAINT "pk_milestone" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE INDEX "ix_milestone_project_due" ON "milestone" ("project_id", "due_on")`);
        // The portfolio's late/at-risk badges look for open milestones by due date.
        await q(`CREATE INDEX "ix_milestone_open_due" ON "milestone" ("due_on") WHERE status = 'open'`);
        await q(`
            CREATE TABLE "project_update" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "project_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body_html" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_project_update_body" CHECK (${text("body_html", 20000)}),
                CONSTRAINT "pk_project_update" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE INDEX "ix_project_update_timeline" ON "project_update" ("project_id", "created_at" DESC)`);
        await q(`
            CREATE TABLE "budget_line" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "project_id" uuid NOT NULL,
                "label" text NOT NULL,
                "amount" numeric(13,2) NOT NULL,
                "spent_on" date NOT NULL,
                "recorded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_budget_line_label" CHECK (${text("label", 200)}),
                CONSTRAINT "ck_budget_line_amount" CHECK (amount BETWEEN 0 AND 1e11),
                CONSTRAINT "pk_budget_line" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE INDEX "ix_budget_line_project" ON "budget_line" ("project_id", "spent_on")`);

        // Impact: an indicator belongs to exactly one project (the lineage rule: nothing counted twice).
        await q(`
            CREATE TABLE "impact_indicator" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "project_id" uuid NOT NULL,
                "category" text NOT NULL,
                "label" text NOT NULL,
                "unit" text NOT NULL,
                "baseline" numeric,
                "projected_value" numeric NOT NULL,
                "projected_on" date NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT 1,
                CONSTRAINT "ck_impact_indicator_category" CHECK (category IN (${CATEGORIES})),
                CONSTRAINT "ck_impact_indicator_text" CHECK (${text("label", 200)} AND ${text("unit", 40)}),
                CONSTRAINT "ck_impact_indicator_projected" CHECK (${IMPACT_VALUE_BOUNDS("projected_value")}),
                CONSTRAINT "ck_impact_indicator_baseline" CHECK (baseline IS NULL OR baseline BETWEEN -1e11 AND 1e11),
                CONSTRAINT "pk_impact_indicator" PRIMARY KEY ("id")
            )
        `);
        // Lets a measurement carry its indicator's category, so its bounds can be checked on the row.
        await q(`CREATE UNIQUE INDEX "ux_impact_indicator_id_category" ON "impact_indicator" ("id", "category")`);
        await q(`CREATE INDEX "ix_impact_indicator_project" ON "impact_indicator" ("project_id", "category")`);
        await q(`CREATE INDEX "ix_impact_indicator_projected_on" ON "impact_indicator" ("projected_on")`);
        await q(`
            CREATE TABLE "impact_measurement" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "indicator_id" uuid NOT NULL,
                "category" text NOT NULL,
                "value" numeric NOT NULL,
                "measured_on" date NOT NULL,
                "source" text NOT NULL,
                "confidence" text NOT NULL,
                "recorded_by" uuid NOT NULL,
                "validated_by" uuid,
                "validated_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_impact_measurement_value" CHECK (${IMPACT_VALUE_BOUNDS("value")}),
                CONSTRAINT "ck_impact_measurement_source" CHECK (${text("source", 500)}),
                CONSTRAINT "ck_impact_measurement_confidence" CHECK (confidence IN ('estimated', 'measured', 'audited')),
                CONSTRAINT "ck_impact_measurement_validated" CHECK ((validated_by IS NULL) = (validated_at IS NULL)),
                CONSTRAINT "pk_impact_measurement" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE INDEX "ix_impact_measurement_indicator" ON "impact_measurement" ("indicator_id", "measured_on")`);
        await q(`CREATE INDEX "ix_impact_measurement_unvalidated" ON "impact_measurement" ("created_at") WHERE validated_by IS NULL`);

        // The return to the field: the organisation's schedule (one row, defaults 3 and 12 months) and the reviews.
        await q(`
            CREATE TABLE "field_review_settings" (
                "id" smallint NOT NULL,
                "months_after_go_live" integer array NOT NULL,
                "remind_after_days" integer NOT NULL,
                "late_after_days" integer NOT NULL,
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_field_review_settings_single" CHECK (id = 1),
                CONSTRAINT "ck_field_review_settings_months" CHECK (
                    cardinality(months_after_go_live) BETWEEN 1 AND 6
                    AND 1 <= ALL (months_after_go_live) AND 60 >= ALL (months_after_go_live)
                ),
                CONSTRAINT "ck_field_review_settings_days" CHECK (
                    remind_after_days BETWEEN 1 AND 90 AND late_after_days BETWEEN 1 AND 90 AND late_after_days > remind_after_days
                ),
                CONSTRAINT "pk_field_review_settings" PRIMARY KEY ("id")
            )
        `);
        await q(`
            INSERT INTO "field_review_settings" ("id", "months_after_go_live", "remind_after_days", "late_after_days")
            VALUES (1, '{3,12}', 7, 14)
        `);
        await q(`
            CREATE TABLE "field_review" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "project_id" uuid NOT NULL,
                "ordinal" integer NOT NULL,
                "months_after_go_live" integer NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "remind_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "late_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "asked_at" TIMESTAMP WITH TIME ZONE,
                "reminded_at" TIMESTAMP WITH TIME ZONE,
                "reported_late_at" TIMESTAMP WITH TIME ZONE,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "answered_by" uuid,
                "what_happened" text,
                "unexpected" text,
                "who_uses_it" text,
                CONSTRAINT "ck_field_review_ordinal" CHECK (ordinal >= 1 AND months_after_go_live BETWEEN 1 AND 60),
                CONSTRAINT "ck_field_review_times" CHECK (due_at < remind_at AND remind_at < late_at),
                CONSTRAINT "ck_field_review_answer" CHECK (
                    (answered_at IS NULL AND answered_by IS NULL AND what_happened IS NULL AND unexpected IS NULL AND who_uses_it IS NULL)
                    OR (answered_at IS NOT NULL AND answered_by IS NOT NULL
                        AND ${text("what_happened", 5000)} AND ${text("unexpected", 5000)} AND ${text("who_uses_it", 5000)})
                ),
                CONSTRAINT "pk_field_review" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_field_review_project_ordinal" ON "field_review" ("project_id", "ordinal")`);
        // "Reviews to answer" and the late report scan unanswered reviews by due date.
        await q(`CREATE INDEX "ix_field_review_unanswered" ON "field_review" ("due_at") WHERE answered_at IS NULL`);

        // Replication (essaimage): a unit asks to adopt; once accepted the replica is a project of its own.
        await q(`
            CREATE TABLE "replication" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "original_project_id" uuid NOT NULL,
                "replica_project_id" uuid,
                "org_unit_id" uuid NOT NULL,
                "requested_by" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'requested',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_replication_status" CHECK (status IN ('requested', 'active', 'declined', 'withdrawn')),
                CONSTRAINT "ck_replication_replica" CHECK ((status = 'active') = (replica_project_id IS NOT NULL)),
                CONSTRAINT "ck_replication_not_itself" CHECK (replica_project_id IS NULL OR replica_project_id <> original_project_id),
                CONSTRAINT "pk_replication" PRIMARY KEY ("id")
            )
        `);
        // A project replicates at most one original: the lineage is a tree.
        await q(`CREATE UNIQUE INDEX "ux_replication_replica" ON "replication" ("replica_project_id") WHERE replica_project_id IS NOT NULL`);
        await q(`CREATE UNIQUE INDEX "ux_replication_open_request" ON "replication" ("original_project_id", "org_unit_id") WHERE status IN ('requested', 'active')`);
        await q(`CREATE INDEX "ix_replication_unit" ON "replication" ("org_unit_id")`);

        await addRealisationForeignKeys(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Dependants first; each table's foreign keys and indexes go with it.
        for (const table of TABLES) await queryRunner.query(`DROP TABLE "${table}"`);
    }
}
