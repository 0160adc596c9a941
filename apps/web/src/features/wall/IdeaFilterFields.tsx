import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listCampaignsOptions, listOrgUnitsOptions, listThemesOptions } from '@eclore/api-client';
import { IDEA_KINDS, type IdeaKind } from '@eclore/domain';
import { SelectField } from '@eclore/web-ui';
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
      >
        <option value="">{s.filters.anyKind}</option>
        {IDEA_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {s.kinds[kind]}
          </option>
        ))}
      </SelectField>
      {afterKind}
      <SelectField
        label={s.filters.campaign}
        value={values.campaignId}
        onChange={(e) => onChange({ campaignId: e.target.value })}
      >
        <option value="">{s.filters.anyCampaign}</option>
        {allCampaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={s.filters.orgUnit}
        value={values.orgUnitId}
        onChange={(e) => onChange({ orgUnitId: e.target.value })}
      >
        <option value="">{s.filters.anyOrgUnit}</option>
        {(units.data ?? []).map((u) => (
          <option key={u.id} value={u.id}>
            {'\u00a0\u00a0'.repeat(Math.max(0, u.path.length - 1))}
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={s.filters.theme} value={values.theme} onChange={(e) => onChange({ theme: e.target.value })}>
        <option value="">{s.filters.anyTheme}</option>
        {(themes.data ?? []).map((t) => (
          <option key={t.key} value={t.key}>
            {locale === 'en' ? t.labelEn : t.labelFr}
          </option>
        ))}
      </SelectField>
    </>
  );
}
