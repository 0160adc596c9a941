import type { ApiError, ApiFieldError, IdeaDto } from '@eclore/api-client';

/** The idea editor's form model: the draft as typed, built from a saved idea, and a refused submission. */

export type Kind = 'problem' | 'solution';
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'occasionally';
export const FREQUENCIES: Frequency[] = ['daily', 'weekly', 'monthly', 'occasionally'];

export interface Draft {
  kind: Kind;
  title: string;
  summary: string;
  body: string;
  orgUnitId: string;
  themes: string[];
  anonymous: boolean;
  whoSuffers: string;
  frequency: Frequency | '';
  expectedBenefits: string;
  needs: string;
}

export const EMPTY: Draft = {
  kind: 'problem',
  title: '',
  summary: '',
  body: '',
  orgUnitId: '',
  themes: [],
  anonymous: false,
  whoSuffers: '',
  frequency: '',
  expectedBenefits: '',
  needs: '',
};

export function fromIdea(idea: IdeaDto): Draft {
  return {
    kind: idea.kind,
    title: idea.title,
    summary: idea.summary,
    // Sanitised HTML, edited as rich text (the server sanitises again on save).
    body: idea.bodyHtml,
    orgUnitId: idea.orgUnit?.id ?? '',
    themes: idea.themes,
    anonymous: idea.anonymous,
    whoSuffers: idea.whoSuffers ?? '',
    frequency: idea.frequency ?? '',
    expectedBenefits: idea.expectedBenefits ?? '',
    needs: idea.needs ?? '',
  };
}

/** What a refused submission hands to the draft's own address (history state holds plain data only). */
export interface Refusal {
  status: number;
  code: string;
  title: string;
  detail?: string;
  fieldErrors: ApiFieldError[];
}
export const refusalOf = (e: ApiError): Refusal => ({
  status: e.status,
  code: e.code,
  title: e.message,
  detail: e.detail,
  fieldErrors: e.fieldErrors.map(({ field, code, message }) => ({ field, code, message })),
});
