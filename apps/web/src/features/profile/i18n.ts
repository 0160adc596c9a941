import { defineText, type Param } from '../../i18n/text';

/** Strings of the profile page, French (reference) and English. */
export const fr = {
  title: 'Mon profil',
  identity: 'Identité',
  name: 'Nom',
  email: 'Adresse e-mail',
  unit: 'Unité',
  noUnit: 'Aucune unité',
  unitPath: 'Rattachement',
  roles: 'Mes rôles',
  preferences: 'Préférences',
  language: 'Langue de l’interface',
  followBrowser: 'Celle de mon navigateur',
  save: 'Enregistrer',
  saved: 'Votre préférence de langue est enregistrée.',
  data: {
    title: 'Mes données',
    lead: 'Téléchargez tout ce qu’Éclore conserve sur vous : profil, rôles, idées (anonymes comprises), commentaires, soutiens, suivis, grilles d’évaluation, notes, notifications, préférences, entrées du journal d’audit, et vos pièces jointes.',
    request: 'Télécharger mes données',
    again: 'Préparer un nouveau téléchargement',
    queued: 'Votre archive est en attente…',
    building: ({ done, total }: { done: Param; total: Param }) =>
      `Préparation de votre archive : étape ${done} sur ${total}`,
    progress: 'Préparation de l’archive',
    ready: ({ size, date }: { size: Param; date: Param }) =>
      `Votre archive est prête (${size}). Le lien fonctionne jusqu’au ${date}, pour vous seul·e.`,
    download: 'Télécharger l’archive (.tar.gz)',
    expired: 'Le dernier lien a expiré. Préparez un nouveau téléchargement.',
    failed: 'L’archive n’a pas pu être préparée. Réessayez.',
  },
};

export const en: typeof fr = {
  title: 'My profile',
  identity: 'Identity',
  name: 'Name',
  email: 'E-mail address',
  unit: 'Unit',
  noUnit: 'No unit',
  unitPath: 'Place in the organisation',
  roles: 'My roles',
  preferences: 'Preferences',
  language: 'Interface language',
  followBrowser: 'My browser’s language',
  save: 'Save',
  saved: 'Your language preference is saved.',
  data: {
    title: 'My data',
    lead: 'Download everything Éclore holds about you: profile, roles, ideas (anonymous ones included), comments, supports, follows, scorecards, notes, notifications, preferences, audit entries, and your attachments.',
    request: 'Download my data',
    again: 'Prepare a new download',
    queued: 'Your archive is queued…',
    building: ({ done, total }: { done: Param; total: Param }) => `Preparing your archive: step ${done} of ${total}`,
    progress: 'Preparation of the archive',
    ready: ({ size, date }: { size: Param; date: Param }) =>
      `Your archive is ready (${size}). The link works until ${date}, for you only.`,
    download: 'Download the archive (.tar.gz)',
    expired: 'The last link has expired. Prepare a new download.',
    failed: 'The archive could not be prepared. Try again.',
  },
};

export type ProfileText = typeof fr;

export const useProfileText = defineText({ fr, en });
