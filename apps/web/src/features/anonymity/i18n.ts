import { defineText } from '../../i18n/text';

/** Strings of the anonymity guardian's reveal, French (reference) and English, kept beside the feature. */
export const fr = {
  title: 'Anonymat',
  lead: 'Cette idée est anonyme. En tant que garante ou garant de l’anonymat, vous pouvez lever l’anonymat pour un motif légitime (par exemple un signalement à traiter).',
  start: 'Lever l’anonymat',
  reason: 'Motif de la levée (obligatoire)',
  reasonHint: 'Le motif est conservé dans le journal d’audit.',
  reasonRequired: 'Indiquez pourquoi vous levez l’anonymat.',
  next: 'Continuer',
  cancel: 'Annuler',
  confirmTitle: 'Lever l’anonymat de cette idée ?',
  confirm: 'Lever l’anonymat',
  confirmText:
    'La levée est enregistrée dans le journal d’audit avec votre nom, la date et le motif. L’auteur n’est affiché qu’ici, pour vous, et à personne d’autre.',
  revealedTitle: 'Autrice ou auteur de l’idée',
  revealedNote: 'Affiché pour vous seulement ; la levée figure au journal d’audit.',
  author: 'Autrice ou auteur',
  email: 'Adresse e-mail',
  coAuthors: 'Co-autrices et co-auteurs',
  capturedBy: 'Saisie par',
  error: 'La levée de l’anonymat a échoué.',
};

export const en: typeof fr = {
  title: 'Anonymity',
  lead: 'This idea is anonymous. As the anonymity guardian, you may reveal its author for a legitimate reason (for example a report to deal with).',
  start: 'Reveal the author',
  reason: 'Reason for revealing (required)',
  reasonHint: 'The reason is kept in the audit log.',
  reasonRequired: 'Say why you reveal the author.',
  next: 'Continue',
  cancel: 'Cancel',
  confirmTitle: 'Reveal the author of this idea?',
  confirm: 'Reveal the author',
  confirmText:
    'The reveal is recorded in the audit log with your name, the date and the reason. The author is shown only here, to you, and to nobody else.',
  revealedTitle: 'Author of the idea',
  revealedNote: 'Shown to you only; the reveal is in the audit log.',
  author: 'Author',
  email: 'E-mail address',
  coAuthors: 'Co-authors',
  capturedBy: 'Captured by',
  error: 'The author could not be revealed.',
};

export type AnonymityText = typeof fr;

export const useAnonymityText = defineText({ fr, en });
