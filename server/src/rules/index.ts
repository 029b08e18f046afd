/** The registry: every rule the checker runs, in the order their problems are listed. */
import { sectionMissing } from './section-missing';
import { tableRowUnmapped } from './table-row-unmapped';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [sectionMissing, tableRowUnmapped];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
