import { RECOGNITION_LABELS } from '@eclore/domain';
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
  contributions: {
    title: 'Mes contributions',
    lead: 'Tout ce que vous avez apporté aux idées : rédaction, commentaires, équipes, jalons… Vos contributions anonymes comptent dans tous les totaux ; vous seul·e les voyez ici avec votre nom.',
    table: 'Mes contributions, les plus récentes d’abord',
    empty: 'Aucune contribution enregistrée pour l’instant.',
    exportPdf: 'Télécharger mes contributions (PDF, pour l’entretien annuel)',
    idea: 'Idée',
    kind: 'Contribution',
    date: 'Date',
    visibility: 'Visibilité',
    anonymous: 'Anonyme (visible par vous seul·e)',
    named: 'À votre nom',
    kinds: RECOGNITION_LABELS.fr.kinds,
  },
  claims: {
    title: 'Être nommé·e sur mes contributions anonymes',
    lead: 'Vos contributions anonymes ne sont liées à votre nom que pour vous. Vous pouvez demander, idée par idée, à être nommé·e sur toutes à la fois : le tiers de confiance décide, sans voir votre nom, si cela ne désigne personne d’autre. La demande est inscrite au journal d’audit.',
    ask: 'Demander à être nommé·e',
    pending: 'Demande en attente du tiers de confiance.',
    granted: '— vous y êtes nommé·e.',
    refused: (reason: string) => `Demande refusée : « ${reason} ».`,
    confirmTitle: 'Être nommé·e sur cette idée ?',
    confirmBody: (title: string) =>
      `Toutes vos contributions anonymes à « ${title} » seront à votre nom une fois la demande accordée : parts de reconnaissance comprises. Ce n’est pas réversible.`,
    confirm: 'Envoyer la demande',
    cancel: 'Annuler',
    problems: {
      nothing_to_claim: 'Il ne reste aucune contribution anonyme à votre nom sur cette idée.',
      claim_pending: 'Une demande pour cette idée attend déjà le tiers de confiance.',
    },
  },
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
  contributions: {
    title: 'My contributions',
    lead: 'Everything you brought to ideas: writing, comments, teams, milestones… Your anonymous contributions count in every total; only you see them here with your name.',
    table: 'My contributions, most recent first',
    empty: 'No contribution recorded yet.',
    exportPdf: 'Download my contributions (PDF, for the annual review)',
    idea: 'Idea',
    kind: 'Contribution',
    date: 'Date',
    visibility: 'Visibility',
    anonymous: 'Anonymous (visible to you only)',
    named: 'In your name',
    kinds: RECOGNITION_LABELS.en.kinds,
  },
  claims: {
    title: 'Be named on my anonymous contributions',
    lead: 'Your anonymous contributions are tied to your name for you alone. You may ask, idea by idea, to be named on all of them at once: the anonymity guardian decides, without seeing your name, whether that would single out anyone else. The request is kept in the audit log.',
    ask: 'Ask to be named',
    pending: 'Request waiting for the anonymity guardian.',
    granted: '— you are named on it.',
    refused: (reason: string) => `Request refused: “${reason}”.`,
    confirmTitle: 'Be named on this idea?',
    confirmBody: (title: string) =>
      `All your anonymous contributions to “${title}” will bear your name once the request is granted, credit shares included. This cannot be undone.`,
    confirm: 'Send the request',
    cancel: 'Cancel',
    problems: {
      nothing_to_claim: 'You have no anonymous contribution left on this idea.',
      claim_pending: 'A request for this idea is already waiting for the guardian.',
    },
  },
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
