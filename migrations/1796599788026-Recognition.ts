import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 14's schema: the contribution ledger, credit-share overrides (append-only history), the
 * recognition settings and recognitions, the charter's commitments and HR's yearly inputs (both with
 * history), and the annual report runs. The CHECK constraints repeat the bounds of
 * libs/domain/src/recognition (docs/recognition.md) so a value the domain refuses can never be stored
 * by another path. The lists below repeat the domain's; recognition.int-spec.ts inserts every domain
 * value (and one the domain does not know) to prove they match.
 */
const TABLES = [
    "annual_report_run", "charter_input", "charter_commitment", "recognition", "recognition_settings",
    "credit_share_override", "contribution",
];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** CONTRIBUTION_KINDS */
const RECOGNITION_MIGRATION_KINDS = [
    "authored", "co_authored", "captured_on_behalf", "commented", "comment_adopted", "supported", "reviewed",
    "qualified", "decided", "team_member", "experiment_lead", "implementation_owner", "milestone_done",
    "measurement_validated", "replicated",
];
/** RECOGNITION_MILESTONE_KEYS */
const RECOGNITION_MIGRATION_MILESTONES = ["idea_accepted", "implemented", "impact_validated", "replicated"];
/** RECOGNITION_FORMS */
const RECOGNITION_MIGRATION_FORMS = ["thanks_letter", "award", "career_evidence", "public_celebration"];
/** REPORT_FIGURES */
const RECOGNITION_MIGRATION_FIGURES = [
    "participation_rate", "ideas_per_100_staff", "funnel", "time_to_first_answer", "time_to_decision",
    "answered_within_guarantee", "experiments", "implemented_ideas", "impact_projected_vs_actual", "replications",
    "people_recognised", "people_trained", "communication_actions", "celebrations_held", "budget",
];
/** DEFAULT_CHARTER: key, French title, English title, indicators. */
const RECOGNITION_MIGRATION_CHARTER: readonly [string, string, string, readonly string[]][] = [
    ["train", "Former", "Train", ["people_trained"]],
    ["practise", "Pratiquer", "Practise", ["participation_rate", "ideas_per_100_staff", "funnel", "experiments", "budget"]],
    ["communicate", "Communiquer", "Communicate", ["communication_actions", "answered_within_guarantee", "time_to_first_answer"]],
    ["measure_and_report", "Mesurer et rendre compte", "Measure and report", ["time_to_decision", "implemented_ideas", "impact_projected_vs_actual", "replications"]],
    ["recognise", "Reconnaître", "Recognise", ["people_recognised"]],
    ["link_hr_quality_rd", "Articuler avec RH, qualité et R&D", "Link with HR, quality and R&D", ["people_recognised", "implemented_ideas", "replications"]],
    ["celebrate", "Célébrer", "Celebrate", ["celebrations_held"]],
];

/** Required text: not blank, at most `max` characters. */
const text = (column: string, max: number) => `(char_length(btrim(${column})) > 0 AND char_length(${column}) <= ${max})`;

export class Recognition1796599788026 implements MigrationInterface {
    name = 'Recognition1796599788026'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const q = (sql: string, params?: unknown[]) => queryRunner.query(sql, params);
        const fk = (table: string, column: string, target: string, onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL') =>
            q(`ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_${column}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`);

        // The ledger. The key is computed from the columns (contributionKey in the domain), so the
        // erasure that hands an anonymous author's entries to the placeholder keeps it true, and a
        // replayed event's INSERT … ON CONFLICT (idempotency_key) DO NOTHING records nothing twice.
        await q(`
            CREATE TABLE "contribution" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "event_id" bigint NOT NULL,
                "event_type" text NOT NULL,
                "idea_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "person_id" uuid,
                "anonymous" boolean NOT NULL DEFAULT false,
                "claimed_at" TIMESTAMP WITH TIME ZONE,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "idempotency_key" text GENERATED ALWAYS AS (event_id::text || ':' || kind || ':' || coalesce(person_id::text, '-')) STORED,
                CONSTRAINT "ck_contribution_kind" CHECK (kind IN (${list(RECOGNITION_MIGRATION_KINDS)})),
                CONSTRAINT "ck_contribution_person" CHECK ((kind = 'supported') = (person_id IS NULL)),
                CONSTRAINT "ck_contribution_claimed" CHECK (claimed_at IS NULL OR anonymous),
                CONSTRAINT "pk_contribution" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_contribution_idempotency_key" ON "contribution" ("idempotency_key")`);
        // "My contributions" and the yearly participation count read by person and by date.
        await q(`CREATE INDEX "ix_contribution_person" ON "contribution" ("person_id", "occurred_at")`);
        await q(`CREATE INDEX "ix_contribution_occurred" ON "contribution" ("occurred_at", "kind")`);
        await q(`CREATE INDEX "ix_contribution_idea" ON "contribution" ("idea_id", "kind")`);

        // Credit shares per idea: an append-only history; the latest row of an idea is in force, no row = the default.
        await q(`
            CREATE TABLE "credit_share_override" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "idea_id" uuid NOT NULL,
                "authors" smallint NOT NULL,
                "team" smallint NOT NULL,
                "network" smallint NOT NULL,
                "reason" text NOT NULL,
                "set_by" uuid NOT NULL,
                "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_credit_share_override_range" CHECK (authors BETWEEN 0 AND 100 AND team BETWEEN 0 AND 100 AND network BETWEEN 0 AND 100),
                CONSTRAINT "ck_credit_share_override_sum" CHECK (authors + team + network = 100),
                CONSTRAINT "ck_credit_share_override_reason" CHECK (${text("reason", 1000)}),
                CONSTRAINT "pk_credit_share_override" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE INDEX "ix_credit_share_override_idea" ON "credit_share_override" ("idea_id", "set_at" DESC, "id" DESC)`);

        // Which milestones open recognition due (one row; default: all four).
        await q(`
            CREATE TABLE "recognition_settings" (
                "id" smallint NOT NULL,
                "milestones" text array NOT NULL,
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_recognition_settings_single" CHECK (id = 1),
                CONSTRAINT "ck_recognition_settings_milestones" CHECK (milestones <@ ARRAY[${list(RECOGNITION_MIGRATION_MILESTONES)}]::text[]),
                CONSTRAINT "pk_recognition_settings" PRIMARY KEY ("id")
            )
        `);
        await q(`INSERT INTO "recognition_settings" ("id", "milestones") VALUES (1, $1)`, [RECOGNITION_MIGRATION_MILESTONES]);

        // Recognitions: due items opened by milestones, then recorded (form, message) or dismissed.
        await q(`
            CREATE TABLE "recognition" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "milestone" text NOT NULL,
                "occurrence" text NOT NULL DEFAULT '-',
                "person_id" uuid NOT NULL,
                "anonymous" boolean NOT NULL DEFAULT false,
                "due_key" text GENERATED ALWAYS AS (idea_id::text || ':' || milestone || ':' || occurrence || ':' || person_id::text) STORED,
                "status" text NOT NULL DEFAULT 'due',
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "form" text,
                "message" text,
                "is_public" boolean NOT NULL DEFAULT false,
                "public_declined_at" TIMESTAMP WITH TIME ZONE,
                "dismiss_reason" text,
                "recorded_by" uuid,
                "recorded_at" TIMESTAMP WITH TIME ZONE,
                "notified_at" TIMESTAMP WITH TIME ZONE,
                "certificate_key" text,
                "certificate_locale" text,
                CONSTRAINT "ck_recognition_milestone" CHECK (milestone IN (${list(RECOGNITION_MIGRATION_MILESTONES)})),
                CONSTRAINT "ck_recognition_occurrence" CHECK (char_length(occurrence) BETWEEN 1 AND 100),
                CONSTRAINT "ck_recognition_status" CHECK (status IN ('due', 'recorded', 'dismissed')),
                CONSTRAINT "ck_recognition_form" CHECK (form IS NULL OR form IN (${list(RECOGNITION_MIGRATION_FORMS)})),
                CONSTRAINT "ck_recognition_due" CHECK (status <> 'due' OR (form IS NULL AND message IS NULL AND dismiss_reason IS NULL AND recorded_by IS NULL AND recorded_at IS NULL AND NOT is_public)),
                CONSTRAINT "ck_recognition_recorded" CHECK (status <> 'recorded' OR (form IS NOT NULL AND message IS NOT NULL AND ${text("message", 4000)} AND dismiss_reason IS NULL AND recorded_by IS NOT NULL AND recorded_at IS NOT NULL)),
                CONSTRAINT "ck_recognition_dismissed" CHECK (status <> 'dismissed' OR (form IS NULL AND message IS NULL AND dismiss_reason IS NOT NULL AND ${text("dismiss_reason", 1000)} AND recorded_by IS NOT NULL AND recorded_at IS NOT NULL AND NOT is_public)),
                CONSTRAINT "ck_recognition_public" CHECK (NOT is_public OR (form <> 'career_evidence' AND NOT anonymous)),
                CONSTRAINT "ck_recognition_declined" CHECK (public_declined_at IS NULL OR (status = 'recorded' AND NOT is_public)),
                CONSTRAINT "ck_recognition_certificate" CHECK ((certificate_key IS NULL) = (certificate_locale IS NULL) AND (certificate_key IS NULL OR status = 'recorded')),
                CONSTRAINT "ck_recognition_certificate_locale" CHECK (certificate_locale IS NULL OR certificate_locale IN ('fr', 'en')),
                CONSTRAINT "pk_recognition" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_recognition_due_key" ON "recognition" ("due_key")`);
        // HR's and the network lead's "recognition due" list, oldest first.
        await q(`CREATE INDEX "ix_recognition_due" ON "recognition" ("opened_at") WHERE status = 'due'`);
        await q(`CREATE INDEX "ix_recognition_person" ON "recognition" ("person_id", "status")`);
        await q(`CREATE INDEX "ix_recognition_idea" ON "recognition" ("idea_id")`);
        await q(`CREATE INDEX "ix_recognition_recorded" ON "recognition" ("recorded_at") WHERE status = 'recorded'`);

        // The charter: the current commitments are the rows still valid; an edit closes a row and adds one.
        await q(`
            CREATE TABLE "charter_commitment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" text NOT NULL,
                "position" smallint NOT NULL,
                "title_fr" text NOT NULL,
                "title_en" text NOT NULL,
                "indicators" text array NOT NULL,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "valid_to" TIMESTAMP WITH TIME ZONE,
                "set_by" uuid,
                CONSTRAINT "ck_charter_commitment_key" CHECK (key ~ '^[a-z][a-z0-9_]*$' AND char_length(key) <= 60),
                CONSTRAINT "ck_charter_commitment_position" CHECK (position BETWEEN 0 AND 19),
                CONSTRAINT "ck_charter_commitment_titles" CHECK (${text("title_fr", 200)} AND ${text("title_en", 200)}),
                CONSTRAINT "ck_charter_commitment_indicators" CHECK (indicators <@ ARRAY[${list(RECOGNITION_MIGRATION_FIGURES)}]::text[]),
                CONSTRAINT "ck_charter_commitment_validity" CHECK (valid_to IS NULL OR valid_to >= valid_from),
                CONSTRAINT "pk_charter_commitment" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_charter_commitment_current_key" ON "charter_commitment" ("key") WHERE valid_to IS NULL`);
        await q(`CREATE UNIQUE INDEX "ux_charter_commitment_current_position" ON "charter_commitment" ("position") WHERE valid_to IS NULL`);
        await q(`CREATE INDEX "ix_charter_commitment_history" ON "charter_commitment" ("key", "valid_from")`);
        for (const [position, [key, fr, en, indicators]] of RECOGNITION_MIGRATION_CHARTER.entries()) {
            // Dated at the epoch: the default charter applies to every past year until HR changes it.
            await q(
                `INSERT INTO "charter_commitment" ("key", "position", "title_fr", "title_en", "indicators", "valid_from") VALUES ($1, $2, $3, $4, $5, 'epoch')`,
                [key, position, fr, en, indicators],
            );
        }

        // HR's yearly inputs: one row in force per year, earlier entries kept (superseded_at set). Null = not entered.
        await q(`
            CREATE TABLE "charter_input" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "year" smallint NOT NULL,
                "people_trained" integer,
                "communication_actions" integer,
                "celebrations_held" integer,
                "budget" numeric(14,2),
                "entered_by" uuid NOT NULL,
                "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "superseded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_charter_input_year" CHECK (year >= 2000 AND year <= date_part('year', entered_at AT TIME ZONE 'UTC')),
                CONSTRAINT "ck_charter_input_people_trained" CHECK (people_trained BETWEEN 0 AND 1000000),
                CONSTRAINT "ck_charter_input_communication_actions" CHECK (communication_actions BETWEEN 0 AND 100000),
                CONSTRAINT "ck_charter_input_celebrations_held" CHECK (celebrations_held BETWEEN 0 AND 10000),
                CONSTRAINT "ck_charter_input_budget" CHECK (budget BETWEEN 0 AND 1e11),
                CONSTRAINT "ck_charter_input_superseded" CHECK (superseded_at IS NULL OR superseded_at >= entered_at),
                CONSTRAINT "pk_charter_input" PRIMARY KEY ("id")
            )
        `);
        await q(`CREATE UNIQUE INDEX "ux_charter_input_current" ON "charter_input" ("year") WHERE superseded_at IS NULL`);
        await q(`CREATE INDEX "ix_charter_input_history" ON "charter_input" ("year", "entered_at" DESC)`);

        // Annual report runs: a run per request; at most one queued or running per (year, scope), so
        // asking twice shows the running one. Scope: an org unit, or null for the whole organisation.
        await q(`
            CREATE TABLE "annual_report_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "year" smallint NOT NULL,
                "scope_unit_id" uuid,
                "status" text NOT NULL DEFAULT 'queued',
                "progress" smallint NOT NULL DEFAULT 0,
                "requested_by" uuid,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "attempts" smallint NOT NULL DEFAULT 0,
                "figures" jsonb,
                "pdf_fr_key" text,
                "pdf_en_key" text,
                "xlsx_key" text,
                "error" text,
                CONSTRAINT "ck_annual_report_run_year" CHECK (year BETWEEN 2000 AND 2100),
                CONSTRAINT "ck_annual_report_run_status" CHECK (status IN ('queued', 'running', 'done', 'failed')),
                CONSTRAINT "ck_annual_report_run_progress" CHECK (progress BETWEEN 0 AND 100),
                CONSTRAINT "ck_annual_report_run_attempts" CHECK (attempts >= 0),
                CONSTRAINT "ck_annual_report_run_started" CHECK ((status = 'queued') = (started_at IS NULL) AND (started_at IS NULL OR started_at >= requested_at)),
                CONSTRAINT "ck_annual_report_run_finished" CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL) AND (finished_at IS NULL OR finished_at >= started_at)),
                CONSTRAINT "ck_annual_report_run_done" CHECK (status <> 'done' OR (progress = 100 AND figures IS NOT NULL AND pdf_fr_key IS NOT NULL AND pdf_en_key IS NOT NULL AND xlsx_key IS NOT NULL)),
                CONSTRAINT "ck_annual_report_run_failed" CHECK ((status = 'failed') = (error IS NOT NULL)),
                CONSTRAINT "ck_annual_report_run_error" CHECK (error IS NULL OR char_length(error) <= 2000),
                CONSTRAINT "pk_annual_report_run" PRIMARY KEY ("id")
            )
        `);
        await q(`
            CREATE UNIQUE INDEX "ux_annual_report_run_active" ON "annual_report_run"
            ("year", coalesce("scope_unit_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE status IN ('queued', 'running')
        `);
        await q(`CREATE INDEX "ix_annual_report_run_latest" ON "annual_report_run" ("year", "scope_unit_id", "requested_at" DESC)`);

        await fk("contribution", "event_id", "idea_event", "CASCADE");
        await fk("contribution", "idea_id", "idea", "CASCADE");
        await fk("contribution", "person_id", "person", "RESTRICT");
        await fk("credit_share_override", "idea_id", "idea", "CASCADE");
        await fk("credit_share_override", "set_by", "person", "RESTRICT");
        await fk("recognition_settings", "updated_by", "person", "SET NULL");
        await fk("recognition", "idea_id", "idea", "CASCADE");
        await fk("recognition", "person_id", "person", "RESTRICT");
        await fk("recognition", "recorded_by", "person", "RESTRICT");
        await fk("charter_commitment", "set_by", "person", "RESTRICT");
        await fk("charter_input", "entered_by", "person", "RESTRICT");
        await fk("annual_report_run", "scope_unit_id", "org_unit", "RESTRICT");
        await fk("annual_report_run", "requested_by", "person", "RESTRICT");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Dependants first; each table's foreign keys and indexes go with it.
        for (const table of TABLES) await queryRunner.query(`DROP TABLE "${table}"`);
    }
}
