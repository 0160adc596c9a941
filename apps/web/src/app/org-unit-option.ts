import type { SelectOption } from '@eclore/web-ui';

/** An org unit as a select choice, indented by its depth so the list reads like the organisation chart. */
export function indentedUnit(unit: { id: string; name: string; path: readonly unknown[] }): SelectOption {
  return { value: unit.id, label: '\u00a0\u00a0'.repeat(Math.max(0, unit.path.length - 1)) + unit.name };
}
