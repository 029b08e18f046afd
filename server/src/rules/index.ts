/** The registry: every rule the checker runs, in the order their problems are listed. */
import { sectionMissing } from './section-missing';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [sectionMissing];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
