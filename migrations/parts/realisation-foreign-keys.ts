import type { QueryRunner } from 'typeorm';

// Part of migration 1796591943358-Realisation, moved here with its SQL unchanged. Not a migration itself:
// migrations/list.ts names the migrations TypeORM runs.

/** The foreign keys of the realisation tables, named fk_<table>_<column>. */
export async function addRealisationForeignKeys(queryRunner: QueryRunner): Promise<void> {
  const q = (sql: string) => queryRunner.query(sql);
  const fk = (table: string, column: string, target: string, onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL') =>
    q(
      `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_${column}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
    );
  await fk('idea_team_member', 'idea_id', 'idea', 'CASCADE');
  await fk('idea_team_member', 'person_id', 'person', 'RESTRICT');
  await fk('idea_team_invitation', 'idea_id', 'idea', 'CASCADE');
  await fk('idea_team_invitation', 'invitee_id', 'person', 'RESTRICT');
  await fk('idea_team_invitation', 'invited_by', 'person', 'RESTRICT');
  await fk('experiment', 'idea_id', 'idea', 'CASCADE');
  await fk('experiment', 'created_by', 'person', 'RESTRICT');
  await fk('experiment_hypothesis', 'experiment_id', 'experiment', 'CASCADE');
  await fk('experiment_hypothesis', 'created_by', 'person', 'RESTRICT');
  await fk('experiment_measure', 'experiment_id', 'experiment', 'CASCADE');
  await fk('log_entry', 'experiment_id', 'experiment', 'CASCADE');
  await fk('log_entry', 'hypothesis_id', 'experiment_hypothesis', 'RESTRICT');
  await fk('log_entry', 'writer_id', 'person', 'RESTRICT');
  await fk('log_entry_attachment', 'log_entry_id', 'log_entry', 'CASCADE');
  await fk('log_entry_attachment', 'attachment_id', 'idea_attachment', 'CASCADE');
  await fk('experiment_agenda_item', 'experiment_id', 'experiment', 'CASCADE');
  await fk('experiment_agenda_item', 'agenda_item_id', 'committee_agenda_item', 'CASCADE');
  await fk('implementation_project', 'idea_id', 'idea', 'CASCADE');
  await fk('implementation_project', 'owner_id', 'person', 'RESTRICT');
  await fk('implementation_project', 'org_unit_id', 'org_unit', 'RESTRICT');
  await fk('implementation_project', 'created_by', 'person', 'RESTRICT');
  await fk('milestone', 'project_id', 'implementation_project', 'CASCADE');
  await fk('milestone', 'updated_by', 'person', 'RESTRICT');
  await fk('project_update', 'project_id', 'implementation_project', 'CASCADE');
  await fk('project_update', 'author_id', 'person', 'RESTRICT');
  await fk('budget_line', 'project_id', 'implementation_project', 'CASCADE');
  await fk('budget_line', 'recorded_by', 'person', 'RESTRICT');
  await fk('impact_indicator', 'project_id', 'implementation_project', 'CASCADE');
  await fk('impact_indicator', 'created_by', 'person', 'RESTRICT');
  await q(`
            ALTER TABLE "impact_measurement" ADD CONSTRAINT "fk_impact_measurement_indicator"
            FOREIGN KEY ("indicator_id", "category") REFERENCES "impact_indicator"("id", "category") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  await fk('impact_measurement', 'recorded_by', 'person', 'RESTRICT');
  await fk('impact_measurement', 'validated_by', 'person', 'RESTRICT');
  await fk('field_review_settings', 'updated_by', 'person', 'SET NULL');
  await fk('field_review', 'project_id', 'implementation_project', 'CASCADE');
  await fk('field_review', 'answered_by', 'person', 'RESTRICT');
  await fk('replication', 'original_project_id', 'implementation_project', 'CASCADE');
  await fk('replication', 'replica_project_id', 'implementation_project', 'RESTRICT');
  await fk('replication', 'org_unit_id', 'org_unit', 'RESTRICT');
  await fk('replication', 'requested_by', 'person', 'RESTRICT');
}
