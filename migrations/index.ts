export { MIGRATIONS } from './list';
export { dataSourceOptions } from './data-source-options';
export { ALL_ENTITIES } from './entities';
export { seed, type SeedResult } from './seed';
export { DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './seed/demo-organisation';
