import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * What every repository of this context starts from: the data source, for a transaction the use-case
 * service opens and for reads outside one. Each method takes the transaction's manager when it has one.
 */
@Injectable()
export abstract class IdeasContextRepository {
  constructor(protected readonly ds: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** The manager for reads outside a transaction. */
  get manager(): EntityManager {
    return this.ds.manager;
  }
}
