import { PLATFORM_ENTITIES } from '@eclore/server-platform';

/** Every entity of every bounded context: the schema the migrations must produce. */
export const ALL_ENTITIES = [...PLATFORM_ENTITIES];
