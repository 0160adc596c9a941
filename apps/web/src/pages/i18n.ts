import { defineText } from '../i18n/text';

/** Strings of the home page, French (reference) and English. */
export const fr = {
  title: 'Bienvenue sur Éclore',
  lead: 'Éclore est la boîte à idées de l’intranet : chacune et chacun peut signaler un problème ou proposer une solution, puis suivre son parcours jusqu’à la mise en œuvre et la mesure de ses effets.',
  lifecycleTitle: 'Le parcours d’une idée',
  lifecycleIntro:
    'Chaque proposition suit sept étapes. Une idée arrêtée est aussi un résultat : on en garde les enseignements.',
  stages: {
    emerge: {
      name: 'Faire émerger',
      text: 'Un problème ou une solution prend forme en brouillon, seul ou avec des co-autrices et co-auteurs.',
    },
    collect: {
      name: 'Collecter',
      text: 'La proposition est déposée, puis vérifiée par le réseau d’innovation qui l’accepte ou la renvoie avec un motif.',
    },
    visible: {
      name: 'Rendre visible',
      text: 'Publiée, elle peut être soutenue, commentée et suivie ; les idées proches sont rapprochées.',
    },
    qualify: {
      name: 'Qualifier',
      text: 'Des membres du réseau l’évaluent selon des critères partagés et donnent une réponse motivée.',
    },
    prototype: {
      name: 'Prototyper',
      text: 'Après la décision du comité de pilotage, une équipe l’expérimente et consigne ses apprentissages.',
    },
    implement: {
      name: 'Mettre en œuvre',
      text: 'Un projet porté par une ou un responsable, avec ses jalons et son avancement.',
    },
    followUp: {
      name: 'Suivre',
      text: 'Les effets sont mesurés, prévus et réels ; la solution peut être reprise par d’autres services.',
    },
  },
};

export const en: typeof fr = {
  title: 'Welcome to Éclore',
  lead: 'Éclore is the intranet innovation box: anyone can raise a problem or propose a solution, then follow it all the way to implementation and the measurement of its impact.',
  lifecycleTitle: 'How an idea travels',
  lifecycleIntro: 'Every proposal goes through seven stages. A stopped idea is a result too: what was learned is kept.',
  stages: {
    emerge: { name: 'Emerge', text: 'A problem or a solution takes shape as a draft, alone or with co-authors.' },
    collect: {
      name: 'Collect',
      text: 'The proposal is submitted, then checked by the innovation network, which accepts it or returns it with a reason.',
    },
    visible: {
      name: 'Make visible',
      text: 'Once published it can be supported, discussed and followed; similar ideas are brought together.',
    },
    qualify: {
      name: 'Qualify',
      text: 'Network members assess it against shared criteria and give a reasoned answer.',
    },
    prototype: {
      name: 'Prototype',
      text: 'After the steering committee’s decision, a team experiments and records what it learns.',
    },
    implement: { name: 'Implement', text: 'A project with an owner, milestones and progress.' },
    followUp: {
      name: 'Follow up',
      text: 'Impact is measured, projected against actual; other units can replicate the solution.',
    },
  },
};

export type HomeText = typeof fr;

export const useHomeText = defineText({ fr, en });
