import { defineText } from '../../i18n/text';
import { isApiError } from '@eclore/api-client';
import { errorCode, messageFor } from '../../app/errors';

export { useLocale } from '../../i18n/text';

/** Qualification strings (scorecards, consolidated view, outcomes, criteria editor), French (reference) and English. */
export const fr = {
  panel: {
    title: 'Qualification',
    loading: 'Chargement des grilles d’évaluation…',
    source: {
      campaign: 'Critères propres à l’appel à idées',
      organisation: 'Critères par défaut de l’organisation',
      built_in: 'Critères par défaut',
    },
  },
  form: {
    title: 'Ma grille d’évaluation',
    lead: 'Notez chaque critère de 1 à 5 selon les niveaux décrits, puis expliquez votre appréciation.',
    level: (n: number) => `Niveau ${n}`,
    weight: (w: number) => `poids ${w}`,
    comment: 'Commentaire',
    commentHint: 'Votre raisonnement : ce qui justifie les notes, ce qui reste à vérifier.',
    saveDraft: 'Enregistrer le brouillon',
    submit: 'Envoyer la grille',
    resubmit: 'Mettre à jour la grille envoyée',
    saving: 'Enregistrement…',
    draftSaved: 'Brouillon enregistré.',
    submitted: 'Grille d’évaluation envoyée.',
    statusDraft: 'Brouillon (non compté)',
    statusSubmitted: (date: string) => `Envoyée le ${date}`,
  },
  consolidated: {
    title: 'Vue consolidée',
    none: 'Aucune grille d’évaluation envoyée pour l’instant.',
    reviewers: (n: number) => (n > 1 ? `${n} évaluateurs` : `${n} évaluateur`),
    weightedScore: 'Note pondérée',
    value: 'Valeur',
    effort: 'Effort',
    outOf5: (n: number) => `${n.toLocaleString('fr')} / 5`,
    disagreement: 'Désaccord marqué entre évaluateurs : voir l’écart.',
    chartTitle: 'Moyenne et écart par critère',
    chartSummary: (rows: { label: string; mean: number | null; spread: number | null }[]) =>
      rows
        .map((r) =>
          r.mean === null
            ? `${r.label} : pas de note`
            : `${r.label} : moyenne ${r.mean.toLocaleString('fr')}, écart ${r.spread ?? 0}`,
        )
        .join(' ; ') + '.',
    mean: 'Moyenne',
    spread: 'Écart (max − min)',
    tableCaption: 'Notes par critère',
    criterion: 'Critère',
    weight: 'Poids',
    min: 'Min',
    max: 'Max',
    reviewsTitle: 'Appréciations',
    noComment: 'Sans commentaire.',
  },
  outcomes: {
    title: 'Issue de la qualification',
    qualify: 'Qualifier (vers le comité)',
    qualifyField: 'Réponse aux auteurs',
    qualifyHint: 'Pourquoi l’idée va au comité : les auteurs et les personnes qui la suivent la liront.',
    rework: 'Demander une reprise',
    reworkField: 'Conseils aux auteurs',
    reworkHint: 'Ce que les auteurs doivent préciser ou changer avant de la soumettre à nouveau.',
    decline: 'Ne pas retenir',
    declineField: 'Justification',
    declineHint: 'Pourquoi l’idée n’est pas retenue : les auteurs et les personnes qui la suivent la liront.',
    cancel: 'Annuler',
    required: 'Ce texte est obligatoire.',
    done: {
      qualify: 'Idée qualifiée : elle part au comité.',
      request_rework: 'Idée renvoyée aux auteurs avec vos conseils.',
      decline: 'Idée non retenue ; la justification est publiée.',
    },
  },
  editor: {
    titleDefault: 'Critères d’évaluation de l’organisation',
    titleCampaign: (title: string) => `Critères d’évaluation — ${title}`,
    lead: 'Chaque critère est noté de 1 à 5 ; 5 est toujours le meilleur (pour l’effort : facile, peu coûteux). Le poids compte dans la note pondérée.',
    inherited: 'Cet appel à idées utilise les critères par défaut. Enregistrer en fait une copie propre à l’appel.',
    readOnly: 'Vous pouvez consulter ces critères, pas les modifier.',
    criterion: (n: number) => `Critère ${n}`,
    key: 'Identifiant',
    keyHint: 'Lettres minuscules, chiffres et _ (les notes y font référence).',
    labelFr: 'Intitulé (français)',
    labelEn: 'Intitulé (anglais)',
    descriptionFr: 'Description (français)',
    descriptionEn: 'Description (anglais)',
    weight: 'Poids',
    axis: 'Axe valeur / effort',
    axes: { value: 'Valeur', effort: 'Effort', none: 'Aucun' } as Record<string, string>,
    levelFr: (n: number) => `Niveau ${n} (français)`,
    levelEn: (n: number) => `Niveau ${n} (anglais)`,
    add: 'Ajouter un critère',
    remove: (label: string) => `Retirer le critère « ${label} »`,
    save: 'Enregistrer les critères',
    saved: 'Critères enregistrés.',
    reset: 'Revenir aux critères par défaut',
    resetDone: 'L’appel à idées utilise de nouveau les critères par défaut.',
    defaultLink: 'Critères par défaut de l’organisation',
    campaignLink: 'Critères d’évaluation',
    back: 'Retour à l’appel à idées',
    invalid: 'Certains champs sont à corriger.',
  },
  errors: {
    generic: 'Une erreur est survenue. Réessayez.',
    not_assigned: 'Seuls les évaluateurs désignés notent cette idée.',
    not_in_qualification: 'L’idée n’est plus en qualification.',
    already_submitted: 'Votre grille est déjà envoyée : mettez-la à jour en l’envoyant à nouveau.',
    no_scorecard: 'Envoyez au moins une grille d’évaluation avant de qualifier l’idée.',
    stale_version: 'L’élément a changé entre-temps : rechargez la page.',
    transition_not_allowed: 'Cette action n’est plus possible à cette étape.',
    out_of_range: 'Une note va de 1 à 5.',
    required: 'Ce champ est obligatoire.',
    duplicate: 'Cet identifiant est déjà utilisé.',
    pattern: 'Lettres minuscules, chiffres et _ uniquement, en commençant par une lettre.',
    positive: 'Le poids doit être supérieur à 0.',
    max: 'Le poids vaut au plus 100.',
    five_levels: 'Décrivez les cinq niveaux.',
    validation_failed: 'Certains champs sont à corriger.',
  },
};

export const en: typeof fr = {
  panel: {
    title: 'Qualification',
    loading: 'Loading the scorecards…',
    source: {
      campaign: 'Criteria of the campaign',
      organisation: 'The organisation’s default criteria',
      built_in: 'Default criteria',
    },
  },
  form: {
    title: 'My scorecard',
    lead: 'Score each criterion from 1 to 5 against the described levels, then explain your assessment.',
    level: (n) => `Level ${n}`,
    weight: (w) => `weight ${w}`,
    comment: 'Comment',
    commentHint: 'Your reasoning: what justifies the scores, what remains to be checked.',
    saveDraft: 'Save draft',
    submit: 'Submit scorecard',
    resubmit: 'Update the submitted scorecard',
    saving: 'Saving…',
    draftSaved: 'Draft saved.',
    submitted: 'Scorecard submitted.',
    statusDraft: 'Draft (not counted)',
    statusSubmitted: (date) => `Submitted on ${date}`,
  },
  consolidated: {
    title: 'Consolidated view',
    none: 'No scorecard submitted yet.',
    reviewers: (n) => (n > 1 ? `${n} reviewers` : `${n} reviewer`),
    weightedScore: 'Weighted score',
    value: 'Value',
    effort: 'Effort',
    outOf5: (n) => `${n.toLocaleString('en')} / 5`,
    disagreement: 'Reviewers disagree markedly: see the spread.',
    chartTitle: 'Mean and spread per criterion',
    chartSummary: (rows) =>
      rows
        .map((r) => (r.mean === null ? `${r.label}: no score` : `${r.label}: mean ${r.mean}, spread ${r.spread ?? 0}`))
        .join('; ') + '.',
    mean: 'Mean',
    spread: 'Spread (max − min)',
    tableCaption: 'Scores per criterion',
    criterion: 'Criterion',
    weight: 'Weight',
    min: 'Min',
    max: 'Max',
    reviewsTitle: 'Assessments',
    noComment: 'No comment.',
  },
  outcomes: {
    title: 'Outcome of qualification',
    qualify: 'Qualify (to the committee)',
    qualifyField: 'Answer to the authors',
    qualifyHint: 'Why the idea goes to the committee: its authors and followers will read it.',
    rework: 'Request rework',
    reworkField: 'Guidance for the authors',
    reworkHint: 'What the authors should clarify or change before submitting it again.',
    decline: 'Decline',
    declineField: 'Rationale',
    declineHint: 'Why the idea is not taken further: its authors and followers will read it.',
    cancel: 'Cancel',
    required: 'This text is required.',
    done: {
      qualify: 'Idea qualified: it goes to the committee.',
      request_rework: 'Idea sent back to its authors with your guidance.',
      decline: 'Idea declined; the rationale is published.',
    },
  },
  editor: {
    titleDefault: 'The organisation’s qualification criteria',
    titleCampaign: (title) => `Qualification criteria — ${title}`,
    lead: 'Each criterion is scored 1 to 5; 5 is always best (for effort: easy, cheap). The weight counts in the weighted score.',
    inherited: 'This campaign uses the default criteria. Saving makes the campaign its own copy.',
    readOnly: 'You may read these criteria, not change them.',
    criterion: (n) => `Criterion ${n}`,
    key: 'Key',
    keyHint: 'Lower-case letters, digits and _ (the scores refer to it).',
    labelFr: 'Label (French)',
    labelEn: 'Label (English)',
    descriptionFr: 'Description (French)',
    descriptionEn: 'Description (English)',
    weight: 'Weight',
    axis: 'Value / effort axis',
    axes: { value: 'Value', effort: 'Effort', none: 'None' },
    levelFr: (n) => `Level ${n} (French)`,
    levelEn: (n) => `Level ${n} (English)`,
    add: 'Add a criterion',
    remove: (label) => `Remove the criterion “${label}”`,
    save: 'Save the criteria',
    saved: 'Criteria saved.',
    reset: 'Go back to the default criteria',
    resetDone: 'The campaign uses the default criteria again.',
    defaultLink: 'The organisation’s default criteria',
    campaignLink: 'Qualification criteria',
    back: 'Back to the campaign',
    invalid: 'Some fields need correcting.',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    not_assigned: 'Only the assigned reviewers score this idea.',
    not_in_qualification: 'The idea is no longer in qualification.',
    already_submitted: 'Your scorecard is submitted: update it by submitting again.',
    no_scorecard: 'Submit at least one scorecard before qualifying the idea.',
    stale_version: 'It changed meanwhile: reload the page.',
    transition_not_allowed: 'This is no longer possible at this stage.',
    out_of_range: 'A score goes from 1 to 5.',
    required: 'This field is required.',
    duplicate: 'This key is already used.',
    pattern: 'Lower-case letters, digits and _ only, starting with a letter.',
    positive: 'The weight must be greater than 0.',
    max: 'The weight is at most 100.',
    five_levels: 'Describe all five levels.',
    validation_failed: 'Some fields need correcting.',
  },
};

export type QualificationText = typeof fr;

export const useQualificationText = defineText({ fr, en });

/** The message for a failed call: by the API's code (or the first field's code), else generic. */
export function qualificationError(s: QualificationText, error: unknown): string {
  return messageFor(s.errors, errorCode(error, 'field_on_validation')) ?? s.errors.generic;
}

/** Field problems of a failed call, by field path (`scores.cost`, `criteria.0.weight`…). */
export function fieldErrors(s: QualificationText, error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(
    error.fieldErrors.map((f) => [f.field, messageFor(s.errors, f.code) ?? f.message ?? s.errors.generic]),
  );
}
