import { Platform1795430615829 } from './1795430615829-Platform';
// Listed explicitly: bundlers and compiled builds break glob discovery. Append new migrations in order.
export const MIGRATIONS: Function[] = [Platform1795430615829];
