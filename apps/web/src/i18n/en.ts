import type { Messages } from './fr';

export const en: Messages = {
  app: {
    name: 'Éclore',
    tagline: 'The intranet innovation box',
    skipToContent: 'Skip to main content',
    loading: 'Loading the page…',
    titleSuffix: 'Éclore',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    ideas: 'Ideas',
    qualification: 'Qualification',
    committee: 'Steering committee',
    recognition: 'Recognition',
    administration: 'Administration',
    anonymity: 'Anonymity',
  },
  language: {
    label: 'Language',
    fr: 'Français',
    en: 'English',
  },
  footer: {
    about: 'Éclore helps employees’ ideas bloom, from first spark to follow-up.',
    apiDocs: 'API documentation',
  },
  home: {
    title: 'Welcome to Éclore',
    lead: 'Éclore is the intranet innovation box: anyone can raise a problem or propose a solution, then follow it all the way to implementation and the measurement of its impact.',
    lifecycleTitle: 'How an idea travels',
    lifecycleIntro:
      'Every proposal goes through seven stages. A stopped idea is a result too: what was learned is kept.',
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
  },
  status: {
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
  },
  notFound: {
    title: 'Page not found',
    lead: 'The requested address does not match any page of Éclore.',
    backHome: 'Back to the home page',
  },
};
