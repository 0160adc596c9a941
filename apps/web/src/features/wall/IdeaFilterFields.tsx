import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listCampaignsOptions, listOrgUnitsOptions, listThemesOptions } from '@eclore/api-client';
import { IDEA_KINDS, type IdeaKind } from '@eclore/domain';
import { SelectField } from '@eclore/web-ui';
import { indentedUnit } from '../../app/org-unit-option';
import { useLocale, useWallText } from './i18n';

/** The filters an idea list shares (the wall, the portfolio board), as they live in the address bar. */
export interface IdeaFilterValues {
  kind: IdeaKind | '';
  campaignId: string;
  orgUnitId: string;
  theme: string;
}

/**
 * Kind, campaign, org unit (indented as a tree) and theme selects. `afterKind` goes between the kind
 * and the campaign (the wall's stage select).
 */
export function IdeaFilterFields({
  values,
  onChange,
  afterKind,
}: {
  values: IdeaFilterValues;
  onChange: (next: Partial<IdeaFilterValues>) => void;
  afterKind?: ReactNode;
}) {
  const s = useWallText();
  const locale = useLocale();
  const campaigns = useQuery(listCampaignsOptions());
  const units = useQuery(listOrgUnitsOptions());
  const themes = useQuery(listThemesOptions());
  const allCampaigns = campaigns.data
    ? [...campaigns.data.current, ...campaigns.data.upcoming, ...campaigns.data.past]
    : [];
  return (
    <>
      <SelectField
        label={s.filters.kind}
        value={values.kind}
        onChange={(e) => onChange({ kind: e.target.value as IdeaFilterValues['kind'] })}
        placeholder={s.filters.anyKind}
        options={IDEA_KINDS.map((kind) => ({ value: kind, label: s.kinds[kind] }))}
      />
      {afterKind}
      <SelectField
        label={s.filters.campaign}
        value={values.campaignId}
        onChange={(e) => onChange({ campaignId: e.target.value })}
        placeholder={s.filters.anyCampaign}
        options={allCampaigns.map((c) => ({ value: c.id, label: c.title }))}
      />
      <SelectField
        label={s.filters.orgUnit}
        value={values.orgUnitId}
        onChange={(e) => onChange({ orgUnitId: e.target.value })}
        placeholder={s.filters.anyOrgUnit}
        options={(units.data ?? []).map(indentedUnit)}
      />
      <SelectField
        label={s.filters.theme}
        value={values.theme}
        onChange={(e) => onChange({ theme: e.target.value })}
        placeholder={s.filters.anyTheme}
        options={(themes.data ?? []).map((t) => ({ value: t.key, label: locale === 'en' ? t.labelEn : t.labelFr }))}
      />
    </>
  );
}
