import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationCategory, NotificationFrequency } from '@eclore/domain';

/** A frequency chosen for a category (a person's, or the organisation's default). */
export interface CategoryFrequencyRow {
  category: NotificationCategory;
  frequency: NotificationFrequency;
}

/** Personal preferences and the organisation's defaults. */
@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  defaults(m?: EntityManager): Promise<CategoryFrequencyRow[]> {
    return (m ?? this.ds.manager).query('SELECT category, frequency FROM notification_default');
  }

  personal(personId: string, m?: EntityManager): Promise<CategoryFrequencyRow[]> {
    return (m ?? this.ds.manager).query(
      'SELECT category, frequency FROM notification_preference WHERE person_id = $1',
      [personId],
    );
  }

  async savePersonal(personId: string, prefs: readonly CategoryFrequencyRow[], m?: EntityManager): Promise<void> {
    await (m ?? this.ds.manager).query(
      `INSERT INTO notification_preference (person_id, category, frequency)
       SELECT $1, c, f FROM unnest($2::text[], $3::text[]) AS x(c, f)
       ON CONFLICT (person_id, category) DO UPDATE SET frequency = EXCLUDED.frequency, updated_at = now()`,
      [personId, prefs.map((p) => p.category), prefs.map((p) => p.frequency)],
    );
  }

  async saveDefaults(updatedBy: string, prefs: readonly CategoryFrequencyRow[], m?: EntityManager): Promise<void> {
    await (m ?? this.ds.manager).query(
      `INSERT INTO notification_default (category, frequency, updated_by)
       SELECT c, f, $1 FROM unnest($2::text[], $3::text[]) AS x(c, f)
       ON CONFLICT (category) DO UPDATE SET frequency = EXCLUDED.frequency, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [updatedBy, prefs.map((p) => p.category), prefs.map((p) => p.frequency)],
    );
  }
}
