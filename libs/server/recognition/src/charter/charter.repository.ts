import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { CharterCommitmentRow, CharterInputRow } from '../entities';

export interface NewCommitment {
  key: string;
  position: number;
  titleFr: string;
  titleEn: string;
  indicators: string[];
}

export interface CharterInputValues {
  peopleTrained: number | null;
  communicationActions: number | null;
  celebrationsHeld: number | null;
  budget: number | null;
}

/** The charter's SQL: commitments (valid_to null: in force) and HR's yearly inputs (superseded_at null: in force). */
@Injectable()
export class CharterRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  current(manager: EntityManager = this.ds.manager): Promise<CharterCommitmentRow[]> {
    return manager.find(CharterCommitmentRow, { where: { validTo: IsNull() }, order: { position: 'ASC' } });
  }

  history(manager: EntityManager = this.ds.manager): Promise<CharterCommitmentRow[]> {
    return manager.find(CharterCommitmentRow, {
      where: { validTo: Not(IsNull()) },
      order: { validTo: 'DESC', position: 'ASC' },
      take: 200,
    });
  }

  /** Serialises changes of the charter (two HR saving at once keep an order in the history). */
  async lockCharter(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('charter_commitment'))`);
  }

  async close(ids: string[], at: Date, manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE charter_commitment SET valid_to = $2 WHERE id = ANY($1) AND valid_to IS NULL`, [
      ids,
      at,
    ]);
  }

  async insert(rows: NewCommitment[], at: Date, setBy: string, manager: EntityManager): Promise<void> {
    for (const r of rows) {
      await manager.insert(CharterCommitmentRow, { ...r, validFrom: at, validTo: null, setBy });
    }
  }

  /** Every entry of a year, the one in force first, then newest first. */
  inputsOf(year: number, manager: EntityManager = this.ds.manager): Promise<CharterInputRow[]> {
    return manager
      .createQueryBuilder(CharterInputRow, 'c')
      .where('c.year = :year', { year })
      .orderBy('c.superseded_at IS NULL', 'DESC')
      .addOrderBy('c.entered_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getMany();
  }

  /** Supersedes the entry in force (kept) and records the new one, in one transaction. */
  async replaceInputs(
    year: number,
    values: CharterInputValues,
    enteredBy: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('charter_input'), $1)`, [year]);
    const now = new Date();
    await manager.query(
      `UPDATE charter_input SET superseded_at = greatest($2::timestamptz, entered_at) WHERE year = $1 AND superseded_at IS NULL`,
      [year, now],
    );
    await manager.insert(CharterInputRow, { year, ...values, enteredBy, enteredAt: now, supersededAt: null });
  }
}
