export { MIGRATIONS } from './list';
export { dataSourceOptions } from './data-source-options';
export { ALL_ENTITIES } from './entities';
