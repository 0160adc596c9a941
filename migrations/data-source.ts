import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Data source for the TypeORM CLI (migration:generate / run / revert). Reads DATABASE_URL. */
const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL must be set to run migrations');
export default new DataSource(dataSourceOptions(url));
