import { defineText } from '../../../i18n/text';

export { useLocale } from '../../../i18n/text';

/** The return to the field (retour en réalité), French (reference) and English. */
export const fr = {
  title: 'Retour en réalité',
  lead: 'Quelques mois après la mise en service, le responsable et les auteurs racontent ce qui s’est vraiment passé.',
  empty: 'Les retours sont planifiés à la mise en service.',
  loading: 'Chargement des retours…',
  error: 'Les retours n’ont pas pu être chargés.',
  review: (months: number) => `Retour à ${months} mois`,
  dueOn: (date: string) => `attendu le ${date}`,
  states: {
    scheduled: 'Planifié',
    due: 'À raconter',
    reminded: 'Relancé',
    late: 'En retard',
    answered: 'Raconté',
  },
  answeredBy: (who: string, date: string) => `Raconté par ${who} le ${date}`,
  anAuthor: 'un·e auteur·e',
  answer: 'Raconter ce retour',
  dialogTitle: (months: number) => `Retour en réalité à ${months} mois`,
  whatHappened: 'Ce qui s’est vraiment passé',
  unexpected: 'Ce qui a surpris',
  whoUsesIt: 'Qui l’utilise',
  submit: 'Envoyer le retour',
  cancel: 'Annuler',
  sent: 'Votre retour est sur l’historique de l’idée.',
  closeNeedsReview: 'L’idée pourra être close une fois le dernier retour raconté.',
  errors: {
    required: 'Ce champ est obligatoire.',
    maxLength: 'Ce texte est trop long (5 000 caractères au plus).',
    nul_byte: 'Ce texte contient un caractère invalide.',
    field_review_answered: 'Ce retour a déjà été raconté.',
    field_review_not_due: 'Ce retour n’est pas encore demandé.',
    forbidden: 'Seuls le responsable du projet et les auteurs racontent ce retour.',
    generic: 'L’envoi a échoué. Réessayez.',
  } as Record<string, string>,
  mine: {
    title: 'Retours en réalité à raconter',
    empty: 'Aucun retour à raconter.',
    item: (title: string, months: number) => `« ${title} » : retour à ${months} mois`,
  },
  late: {
    title: 'Retours en réalité en retard',
    days: (n: number) => `${n} jour${n > 1 ? 's' : ''} après la date`,
  },
  settings: {
    title: 'Retours en réalité',
    lead: 'Quand demander le retour après la mise en service, quand relancer, quand signaler un retard au réseau.',
    months: 'Mois après la mise en service (séparés par des virgules, croissants, 1 à 60)',
    remind: 'Relance après (jours)',
    late: 'Retard signalé après (jours)',
    // Distinct from the answer-time form's button on the same page.
    save: 'Enregistrer le calendrier des retours',
    saved: 'Réglages enregistrés : ils valent pour les prochaines mises en service.',
  },
};

export const en: typeof fr = {
  title: 'Return to the field',
  lead: 'A few months after go-live, the owner and the authors tell what really happened.',
  empty: 'The reviews are scheduled at go-live.',
  loading: 'Loading the reviews…',
  error: 'The reviews could not be loaded.',
  review: (months) => `${months}-month review`,
  dueOn: (date) => `due ${date}`,
  states: {
    scheduled: 'Scheduled',
    due: 'To tell',
    reminded: 'Reminded',
    late: 'Late',
    answered: 'Told',
  },
  answeredBy: (who, date) => `Told by ${who} on ${date}`,
  anAuthor: 'an author',
  answer: 'Tell this review',
  dialogTitle: (months) => `Return to the field after ${months} months`,
  whatHappened: 'What really happened',
  unexpected: 'What was unexpected',
  whoUsesIt: 'Who uses it',
  submit: 'Send the review',
  cancel: 'Cancel',
  sent: 'Your review is on the idea’s history.',
  closeNeedsReview: 'The idea can be closed once the last review is told.',
  errors: {
    required: 'This field is required.',
    maxLength: 'This text is too long (at most 5,000 characters).',
    nul_byte: 'This text contains an invalid character.',
    field_review_answered: 'This review was already told.',
    field_review_not_due: 'This review is not asked yet.',
    forbidden: 'Only the project owner and the authors tell this review.',
    generic: 'Sending failed. Try again.',
  },
  mine: {
    title: 'Returns to the field to tell',
    empty: 'No review to tell.',
    item: (title, months) => `“${title}”: ${months}-month review`,
  },
  late: {
    title: 'Late returns to the field',
    days: (n) => `${n} day${n > 1 ? 's' : ''} past the date`,
  },
  settings: {
    title: 'Returns to the field',
    lead: 'When to ask for the review after go-live, when to remind, when to report it late to the network.',
    months: 'Months after go-live (comma-separated, ascending, 1 to 60)',
    remind: 'Reminder after (days)',
    late: 'Reported late after (days)',
    save: 'Save the review schedule',
    saved: 'Settings saved: they apply to the next go-lives.',
  },
};

export const useFieldReviewsText = defineText({ fr, en });
