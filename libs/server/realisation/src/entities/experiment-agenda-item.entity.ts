import { Entity, PrimaryColumn } from 'typeorm';
import { Col } from '@eclore/server-platform';
import { REALISATION_SCHEMA } from './schema';

/** A validated experiment's evidence attached to the agenda item asking for `decide_implement`. */
@Entity({ name: 'experiment_agenda_item', ...REALISATION_SCHEMA })
export class ExperimentAgendaItem {
  @PrimaryColumn({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  @PrimaryColumn({ name: 'agenda_item_id', type: 'uuid' })
  agendaItemId!: string;

  @Col.CreatedAt('attached_at')
  attachedAt!: Date;
}
