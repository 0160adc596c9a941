import { PLATFORM_ENTITIES } from '@eclore/server-platform';
import { IDENTITY_ENTITIES } from '@eclore/server-identity';
import { IDEAS_ENTITIES } from '@eclore/server-ideas';
import { NOTIFICATIONS_ENTITIES } from '@eclore/server-notifications';
import { WEBHOOKS_ENTITIES } from '@eclore/server-webhooks';
import { QUALIFICATION_ENTITIES } from '@eclore/server-qualification';
import { COMMITTEE_ENTITIES } from '@eclore/server-committee';
import { REALISATION_ENTITIES } from '@eclore/server-realisation';
import { RECOGNITION_ENTITIES } from '@eclore/server-recognition';

/** Every entity of every bounded context: the schema the migrations must produce. */
export const ALL_ENTITIES = [
  ...PLATFORM_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...IDEAS_ENTITIES,
  ...WEBHOOKS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...QUALIFICATION_ENTITIES,
  ...COMMITTEE_ENTITIES,
  ...REALISATION_ENTITIES,
  ...RECOGNITION_ENTITIES,
];
