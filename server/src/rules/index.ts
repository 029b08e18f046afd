/** The registry: every rule the checker runs. */
import { cellRunTogether } from './cell-run-together';
import { cellEmpty } from './cell-empty';
import { cellFormat } from './cell-format';
import { cellFraction } from './cell-fraction';
import { cellNegative } from './cell-negative';
import { cellResidue } from './cell-residue';
import { docNumber } from './doc-number-brackets';
import { feeContradiction } from './fee-contradiction';
import { feeStatement } from './fee-statement-missing';
import { formatCitationMissing } from './format-citation-missing';
import { oldFormat } from './old-format';
import { overviewAssessment } from './overview-assessment-missing';
import { overviewSubitems } from './overview-subitem-missing';
import { periodMismatch } from './period-mismatch';
import { periodMissing } from './period-missing';
import { periodStaleYear } from './period-stale-year';
import { preambleParts } from './preamble-parts';
import { problemsEmpty } from './problems-empty';
import { sectionDuplicate } from './section-duplicate';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { sectionTitle } from './section-title-nonstandard';
import { t3Balance } from './T3-balance';
import { t3Column } from './T3-column';
import { t3Row } from './T3-row';
import { t4Block } from './T4-block';
import { txtTable } from './TXT-table';
import { tableColumnMissing } from './table-column-missing';
import { tableHeader } from './table-header';
import { tableMissing } from './table-missing';
import { tableRowLabel } from './table-row-label';
import { tableRowMissing } from './table-row-missing';
import { tableRowUnmapped } from './table-row-unmapped';
import { tableShape } from './table-shape';
import { titleIncomplete } from './title-incomplete';
import type { Rule } from './types';
import { unbalancedPairs } from './unbalanced-pairs';
import { yearCarryover } from './year-carryover';
import { yearDocuments } from './year-documents';

export const RULES: readonly Rule[] = [
  // structure
  titleIncomplete,
  periodMissing,
  periodMismatch,
  periodStaleYear,
  formatCitationMissing,
  preambleParts,
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
  tableShape,
  tableHeader,
  tableRowLabel,
  cellEmpty,
  cellResidue,
  cellNegative,
  cellFraction,
  cellFormat,
  cellRunTogether,
  t3Row,
  t3Column,
  t3Balance,
  t4Block,
  txtTable,
  // across years (when last year's report is at hand)
  yearCarryover,
  yearDocuments,
  // writing
  docNumber,
  unbalancedPairs,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
