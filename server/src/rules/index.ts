/** The registry: every rule the checker runs. */
import { docNumber } from './doc-number';
import { feeContradiction } from './fee-contradiction';
import { feeStatement } from './fee-statement';
import { oldFormat } from './old-format';
import { overviewAssessment } from './overview-assessment';
import { overviewSubitems } from './overview-subitems';
import { periodMismatch } from './period-mismatch';
import { periodMissing } from './period-missing';
import { problemsEmpty } from './problems-empty';
import { sectionDuplicate } from './section-duplicate';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { sectionTitle } from './section-title';
import { tableColumnMissing } from './table-column-missing';
import { tableMissing } from './table-missing';
import { tableRowMissing } from './table-row-missing';
import { tableRowUnmapped } from './table-row-unmapped';
import { titleIncomplete } from './title-incomplete';
import type { Rule } from './types';
import { unbalancedPairs } from './unbalanced-pairs';

export const RULES: readonly Rule[] = [
  // structure
  titleIncomplete,
  periodMissing,
  periodMismatch,
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionTitle,
  overviewSubitems,
  overviewAssessment,
  problemsEmpty,
  feeStatement,
  feeContradiction,
  oldFormat,
  // tables
  tableMissing,
  tableRowMissing,
  tableColumnMissing,
  tableRowUnmapped,
  // writing
  docNumber,
  unbalancedPairs,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
