import { defineText } from '../../i18n/text';

export { useLocale } from '../../i18n/text';

/** Answer-time guarantee strings, French (reference) and English (same shape), beside the feature. */
export const fr = {
  kinds: {
    first_answer: 'Première réponse attendue',
    qualification: 'Qualification attendue',
  },
  dueBy: (date: string) => `d’ici le ${date}`,
  late: 'En retard',
  lateSince: (date: string) => `échéance dépassée depuis le ${date}`,
  late_page: {
    nav: 'En retard',
    title: 'Idées en retard',
    lead: 'Les idées de votre périmètre qui ont dépassé le délai de première réponse ou de qualification fixé par l’organisation. Les plus en retard viennent en premier.',
    empty: 'Aucune idée en retard dans votre périmètre.',
    caption: 'Idées ayant dépassé une échéance',
    idea: 'Idée',
    stage: 'Étape',
    deadline: 'Échéance dépassée',
    dueAt: 'Date d’échéance',
    daysLate: 'Jours de retard',
    days: (n: number) => `${n} jour${n > 1 ? 's' : ''}`,
    chartTitle: 'Jours de retard par idée',
    chartSummary: (list: string) => `Jours de retard : ${list}.`,
  },
  settings: {
    tab: 'Délais de réponse',
    title: 'Garantie de délai de réponse',
    lead: 'Combien de jours une idée peut attendre sa première réponse et sa qualification. Avant l’échéance, les personnes chargées de l’idée reçoivent un rappel ; une fois l’échéance passée, le ou la responsable du réseau des innovateurs est alerté·e.',
    firstAnswerDays: 'Première réponse (jours depuis le dépôt)',
    firstAnswerHint:
      'Une idée retournée puis redéposée attend à nouveau depuis son nouveau dépôt. La publication sur le mur n’est pas une réponse.',
    qualificationDays: 'Qualification (jours depuis l’entrée en qualification)',
    remindBeforeDays: 'Rappel (jours avant l’échéance)',
    remindHint: '0 : pas de rappel. Doit être plus court que chacun des deux délais.',
    save: 'Enregistrer',
    saved: 'Délais enregistrés. Les rappels et alertes de toutes les idées suivent les nouveaux délais.',
    updatedAt: (date: string) => `Dernière modification le ${date}.`,
    invalid: {
      isInt: 'Indiquez un nombre entier de jours.',
      outOfRange: 'Cette valeur est hors des limites permises.',
      tooLate: 'Le rappel doit tomber moins de jours avant l’échéance que ne dure chacun des délais.',
      min: 'Cette valeur est trop petite.',
      max: 'Cette valeur est trop grande.',
    },
  },
};

export const en: typeof fr = {
  kinds: {
    first_answer: 'First answer due',
    qualification: 'Qualification due',
  },
  dueBy: (date: string) => `by ${date}`,
  late: 'Late',
  lateSince: (date: string) => `past its due date since ${date}`,
  late_page: {
    nav: 'Late',
    title: 'Late ideas',
    lead: 'Ideas in your scope past the organisation’s first-answer or qualification deadline. The most overdue come first.',
    empty: 'No late idea in your scope.',
    caption: 'Ideas past a deadline',
    idea: 'Idea',
    stage: 'Stage',
    deadline: 'Deadline passed',
    dueAt: 'Due date',
    daysLate: 'Days late',
    days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    chartTitle: 'Days late per idea',
    chartSummary: (list: string) => `Days late: ${list}.`,
  },
  settings: {
    tab: 'Answer times',
    title: 'Answer-time guarantee',
    lead: 'How many days an idea may wait for its first answer and for its qualification. Before the due date the people in charge of the idea are reminded; once it has passed, the innovation network lead is alerted.',
    firstAnswerDays: 'First answer (days from submission)',
    firstAnswerHint:
      'An idea returned and submitted again waits anew from its new submission. Publication on the wall is not an answer.',
    qualificationDays: 'Qualification (days from entering qualification)',
    remindBeforeDays: 'Reminder (days before the due date)',
    remindHint: '0: no reminder. Must be shorter than either wait.',
    save: 'Save',
    saved: 'Answer times saved. Every idea’s reminders and alerts follow the new times.',
    updatedAt: (date: string) => `Last changed on ${date}.`,
    invalid: {
      isInt: 'Enter a whole number of days.',
      outOfRange: 'This value is out of the allowed range.',
      tooLate: 'The reminder must come fewer days before the due date than either wait lasts.',
      min: 'This value is too small.',
      max: 'This value is too large.',
    },
  },
};

export type DeadlinesText = typeof fr;

export const useDeadlinesText = defineText({ fr, en });
