/** French: the reference language. Every key here must exist in en.ts (the type checker enforces it). */
export const fr = {
  app: {
    name: 'Éclore',
    tagline: 'La boîte à idées de l’intranet',
    skipToContent: 'Aller au contenu principal',
    loading: 'Chargement de la page…',
    titleSuffix: 'Éclore',
  },
  nav: {
    label: 'Navigation principale',
    home: 'Accueil',
    ideas: 'Idées',
    qualification: 'Qualification',
    committee: 'Comité de pilotage',
    recognition: 'Reconnaissance',
    administration: 'Administration',
    anonymity: 'Anonymat',
  },
  language: {
    label: 'Langue',
    fr: 'Français',
    en: 'English',
  },
  footer: {
    about: 'Éclore fait éclore les idées des collaboratrices et collaborateurs, de l’émergence au suivi.',
    apiDocs: 'Documentation de l’API',
  },
  home: {
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
  },
  status: {
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
  },
  notFound: {
    title: 'Page introuvable',
    lead: 'L’adresse demandée ne correspond à aucune page d’Éclore.',
    backHome: 'Retour à l’accueil',
  },
};

/** The shape every language file must have: same keys, string leaves. */
export type Messages = typeof fr;
