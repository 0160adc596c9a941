import { defineText } from '../../i18n/text';
import { messageFor } from '../../app/errors';

export { useLocale } from '../../i18n/text';

/**
 * The webhooks screen's strings, French (reference) and English, kept beside the feature so the
 * shared i18n files are not edited by every engineer; the English object must have the same shape.
 */
export const fr = {
  title: 'Webhooks sortants',
  lead: 'Envoyez les événements des idées visibles vers vos outils (Teams, Slack, gestion de projet). Chaque envoi est signé (HMAC-SHA256) et ne nomme jamais l’auteur d’une idée anonyme.',
  tab: 'Webhooks',
  list: {
    caption: 'Webhooks enregistrés',
    none: 'Aucun webhook pour l’instant.',
    url: 'Adresse',
    events: 'Événements',
    state: 'État',
    actions: 'Actions',
    active: 'Actif',
    inactive: 'Désactivé',
    edit: (url: string) => `Modifier ${url}`,
    editShort: 'Modifier',
    test: 'Envoyer un test',
    deliveries: 'Voir les envois',
    delete: 'Supprimer',
    tested: 'Un envoi de test (ping) est en file d’attente.',
  },
  form: {
    createTitle: 'Nouveau webhook',
    editTitle: 'Modifier le webhook',
    url: 'Adresse (URL)',
    urlHint:
      'https obligatoire, vers un service accessible publiquement (adresses internes : seulement celles que l’exploitant autorise).',
    description: 'Description (facultative)',
    events: 'Événements à envoyer',
    active: 'Actif',
    create: 'Créer le webhook',
    save: 'Enregistrer',
    cancel: 'Annuler',
    saved: 'Webhook enregistré.',
  },
  secret: {
    title: 'Secret de signature',
    once: 'Copiez ce secret maintenant dans l’outil qui reçoit les envois : il ne sera plus jamais affiché.',
    label: 'Secret',
    done: 'J’ai copié le secret',
  },
  deliveries: {
    title: (url: string) => `Envois récents vers ${url}`,
    caption: 'Envois récents, du plus récent au plus ancien',
    none: 'Aucun envoi pour l’instant.',
    when: 'Créé le',
    event: 'Événement',
    status: 'Statut',
    attempts: 'Tentatives',
    answer: 'Dernière réponse',
    replay: 'Renvoyer',
    replayed: 'L’envoi est remis en file d’attente.',
    close: 'Fermer',
  },
  status: { pending: 'En cours', sent: 'Envoyé', failed: 'Échec' },
  deleteDialog: {
    title: 'Supprimer ce webhook ?',
    body: (url: string) => `Les envois vers ${url} s’arrêtent et leur historique est supprimé.`,
    confirm: 'Supprimer',
    cancel: 'Annuler',
    done: 'Webhook supprimé.',
  },
  fieldErrors: {
    https_required: 'L’adresse doit commencer par https:// (http seulement vers un hôte autorisé par l’exploitant).',
    forbidden_address:
      'Adresse interne refusée (cette machine, réseau privé, métadonnées) : l’exploitant peut l’autoriser (WEBHOOK_ALLOWED_HOSTS).',
    invalid_url: 'Ce n’est pas une adresse valide.',
    credentials_in_url: 'Ne mettez ni identifiant ni mot de passe dans l’adresse.',
    isIn: 'Type d’événement inconnu.',
    arrayNotEmpty: 'Choisissez au moins un événement.',
    other: 'Valeur refusée.',
  },
  deliveryErrors: {
    timeout: 'Délai dépassé',
    connection_refused: 'Connexion refusée',
    connection_reset: 'Connexion interrompue',
    dns_error: 'Nom introuvable (DNS)',
    unreachable: 'Hôte injoignable',
    tls_error: 'Erreur TLS (certificat)',
    forbidden_address: 'Adresse interne refusée',
    network_error: 'Erreur réseau',
    subscription_inactive: 'Webhook désactivé',
    idea_not_public: 'Idée plus visible',
  },
  deliveryHttp: (status: string) => `Réponse HTTP ${status}`,
  eventTypes: {
    submit: 'Idée déposée',
    return_to_authors: 'Renvoyée aux auteurs',
    accept: 'Acceptée et rendue visible',
    start_qualification: 'Qualification commencée',
    request_rework: 'Reprise demandée',
    qualify: 'Qualifiée (réponse)',
    decline: 'Non retenue',
    merged: 'Fusionnée',
    withdraw: 'Retirée',
    decide_prototype: 'Décision : expérimenter',
    decide_implement: 'Décision : mettre en œuvre',
    park: 'Mise en attente',
    resume: 'Reprise',
    stop: 'Expérimentation arrêtée',
    complete_implementation: 'Mise en œuvre terminée',
    close: 'Clôturée',
    commented: 'Nouveau commentaire',
    edited: 'Modifiée',
    field_review_answered: 'Retour en réalité raconté',
    ping: 'Test (ping)',
  },
};

export const en: typeof fr = {
  title: 'Outgoing webhooks',
  lead: 'Send the events of visible ideas to your tools (Teams, Slack, project tools). Every delivery is signed (HMAC-SHA256) and never names the author of an anonymous idea.',
  tab: 'Webhooks',
  list: {
    caption: 'Registered webhooks',
    none: 'No webhook yet.',
    url: 'URL',
    events: 'Events',
    state: 'State',
    actions: 'Actions',
    active: 'Active',
    inactive: 'Off',
    edit: (url: string) => `Edit ${url}`,
    editShort: 'Edit',
    test: 'Send a test',
    deliveries: 'See deliveries',
    delete: 'Delete',
    tested: 'A test delivery (ping) is queued.',
  },
  form: {
    createTitle: 'New webhook',
    editTitle: 'Edit the webhook',
    url: 'URL',
    urlHint: 'https required, to a publicly reachable service (internal addresses: only those the operator allows).',
    description: 'Description (optional)',
    events: 'Events to send',
    active: 'Active',
    create: 'Create the webhook',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Webhook saved.',
  },
  secret: {
    title: 'Signing secret',
    once: 'Copy this secret into the receiving tool now: it will never be shown again.',
    label: 'Secret',
    done: 'I have copied the secret',
  },
  deliveries: {
    title: (url: string) => `Recent deliveries to ${url}`,
    caption: 'Recent deliveries, newest first',
    none: 'No delivery yet.',
    when: 'Created',
    event: 'Event',
    status: 'Status',
    attempts: 'Attempts',
    answer: 'Last answer',
    replay: 'Send again',
    replayed: 'The delivery is queued again.',
    close: 'Close',
  },
  status: { pending: 'Pending', sent: 'Sent', failed: 'Failed' },
  deleteDialog: {
    title: 'Delete this webhook?',
    body: (url: string) => `Deliveries to ${url} stop and their history is deleted.`,
    confirm: 'Delete',
    cancel: 'Cancel',
    done: 'Webhook deleted.',
  },
  fieldErrors: {
    https_required: 'The URL must start with https:// (plain http only to a host the operator allows).',
    forbidden_address:
      'Internal address refused (this machine, a private network, metadata): the operator can allow it (WEBHOOK_ALLOWED_HOSTS).',
    invalid_url: 'This is not a valid URL.',
    credentials_in_url: 'Put no user name or password in the URL.',
    isIn: 'Unknown event type.',
    arrayNotEmpty: 'Choose at least one event.',
    other: 'Value refused.',
  },
  deliveryErrors: {
    timeout: 'Timed out',
    connection_refused: 'Connection refused',
    connection_reset: 'Connection reset',
    dns_error: 'Name not found (DNS)',
    unreachable: 'Host unreachable',
    tls_error: 'TLS error (certificate)',
    forbidden_address: 'Internal address refused',
    network_error: 'Network error',
    subscription_inactive: 'Webhook disabled',
    idea_not_public: 'Idea no longer visible',
  },
  deliveryHttp: (status: string) => `HTTP answer ${status}`,
  eventTypes: {
    submit: 'Idea submitted',
    return_to_authors: 'Returned to authors',
    accept: 'Accepted and made visible',
    start_qualification: 'Qualification started',
    request_rework: 'Rework requested',
    qualify: 'Qualified (answer)',
    decline: 'Declined',
    merged: 'Merged',
    withdraw: 'Withdrawn',
    decide_prototype: 'Decision: prototype',
    decide_implement: 'Decision: implement',
    park: 'Parked',
    resume: 'Resumed',
    stop: 'Prototype stopped',
    complete_implementation: 'Implementation completed',
    close: 'Closed',
    commented: 'New comment',
    edited: 'Edited',
    field_review_answered: 'Return to the field told',
    ping: 'Test (ping)',
  },
};

export type WebhooksText = typeof fr;

export const useWebhooksText = defineText({ fr, en });

/** The message for a field error code. */
export function fieldErrorText(s: WebhooksText, code: string): string {
  return code in s.fieldErrors ? s.fieldErrors[code as keyof WebhooksText['fieldErrors']] : s.fieldErrors.other;
}

/** A delivery's error class (`http_503`, `timeout`…; never the receiver's answer) in words. */
export function deliveryErrorText(s: WebhooksText, error: string | null, status: number | null): string {
  if (error === null) return status !== null ? s.deliveryHttp(String(status)) : '—';
  const http = /^http_(\d{3})$/.exec(error);
  if (http) return s.deliveryHttp(http[1]!);
  return messageFor(s.deliveryErrors, error) ?? error;
}

export function eventTypeText(s: WebhooksText, type: string): string {
  return messageFor(s.eventTypes, type) ?? type;
}
