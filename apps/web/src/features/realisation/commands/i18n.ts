import { defineText } from '../../../i18n/text';

/** The buttons of the lifecycle commands after the decision, French (reference) and English. */
export const fr = {
  title: 'Étapes suivantes',
  cancel: 'Annuler',
  stop: {
    button: 'Arrêter l’expérimentation',
    title: 'Arrêter l’expérimentation',
    learnings: 'Enseignements (publics avec l’arrêt)',
    hint: 'Un arrêt est un résultat : dites ce qui a été appris.',
    confirm: 'Arrêter',
  },
  close: {
    button: 'Clore l’idée',
    title: 'Clore l’idée ?',
    body: 'L’idée sera close : son histoire reste consultable.',
    confirm: 'Clore',
  },
  resume: {
    button: 'Reprendre l’idée',
    title: 'Reprendre l’idée ?',
    body: 'L’idée revient au comité pour une décision.',
    confirm: 'Reprendre',
  },
  complete: {
    button: 'Mettre en service',
    title: 'Mettre en service ?',
    body: 'La mise en œuvre est terminée : l’idée passe au suivi et les retours en réalité sont planifiés.',
    confirm: 'Mettre en service',
  },
  errors: {
    required: 'Ce champ est obligatoire.',
    maxLength: 'Ce texte est trop long.',
    field_review_pending: 'Le dernier retour en réalité doit être raconté avant de clore l’idée.',
    stale_version: 'L’idée a changé entre-temps : rechargez la page.',
    transition_not_allowed: 'Ce n’est plus possible : l’idée a changé d’étape.',
    forbidden: 'Vous ne pouvez pas faire cela sur cette idée.',
    generic: 'L’action a échoué. Réessayez.',
  } as Record<string, string>,
};

export const en: typeof fr = {
  title: 'Next steps',
  cancel: 'Cancel',
  stop: {
    button: 'Stop the experiment',
    title: 'Stop the experiment',
    learnings: 'Learnings (public with the stop)',
    hint: 'A stop is a result: say what was learnt.',
    confirm: 'Stop',
  },
  close: {
    button: 'Close the idea',
    title: 'Close the idea?',
    body: 'The idea will be closed; its story stays readable.',
    confirm: 'Close',
  },
  resume: {
    button: 'Resume the idea',
    title: 'Resume the idea?',
    body: 'The idea goes back to the committee for a decision.',
    confirm: 'Resume',
  },
  complete: {
    button: 'Go live',
    title: 'Go live?',
    body: 'The implementation is done: the idea moves to follow-up and the returns to the field are scheduled.',
    confirm: 'Go live',
  },
  errors: {
    required: 'This field is required.',
    maxLength: 'This text is too long.',
    field_review_pending: 'The last return to the field must be told before the idea is closed.',
    stale_version: 'The idea changed meanwhile: reload the page.',
    transition_not_allowed: 'This is no longer possible: the idea moved on.',
    forbidden: 'You may not do this on this idea.',
    generic: 'The action failed. Try again.',
  },
};

export const useCommandsText = defineText({ fr, en });
