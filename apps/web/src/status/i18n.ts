import { defineText } from '../i18n/text';

/** Strings of the platform status panel, French (reference) and English. */
export const fr = {
  title: 'État de la plateforme',
  checking: 'Vérification de l’état de la plateforme…',
  allUp: 'Tous les services de la plateforme fonctionnent.',
  someDown: 'Au moins un service de la plateforme est indisponible.',
  unreachable: 'Le serveur de la plateforme ne répond pas.',
  api: 'Serveur de l’application',
  database: 'Base de données',
  queue: 'File de traitements',
  up: 'Disponible',
  down: 'Indisponible',
  unknown: 'Inconnu',
  refresh: 'Vérifier à nouveau',
};

export const en: typeof fr = {
  title: 'Platform status',
  checking: 'Checking the platform status…',
  allUp: 'Every platform service is running.',
  someDown: 'At least one platform service is unavailable.',
  unreachable: 'The platform server does not answer.',
  api: 'Application server',
  database: 'Database',
  queue: 'Job queue',
  up: 'Up',
  down: 'Down',
  unknown: 'Unknown',
  refresh: 'Check again',
};

export type StatusText = typeof fr;

export const useStatusText = defineText({ fr, en });
