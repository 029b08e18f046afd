/**
 * Every string the extension itself shows (the server's messages are the server's), in Chinese and
 * English, in one table. No VS Code API here: the language is chosen by the caller (`language.ts`
 * reads govReport.messageLanguage and VS Code's display language each time, so a change of setting
 * takes effect at the next string).
 */
export type Lang = 'zh' | 'en';

type Entry = { zh: string; en: string } | { zh: (...args: never[]) => string; en: (...args: never[]) => string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const MESSAGES = {
  // the server
  clientName: { zh: '政府信息公开年报', en: 'Gov Annual Report' },
  serverNotRunning: { zh: '年报语言服务器没有运行。', en: 'The report language server is not running.' },
  ignoredRecorded: { zh: (file: string) => `已记录在 ${file}，报告正文未改动。`, en: (file: string) => `Recorded in ${file}; the report text is untouched.` },
  noWorker: { zh: (why: string) => `无法为语言服务器创建 Web Worker（${why}），在扩展宿主中运行。`, en: (why: string) => `No web worker for the language server (${why}); it runs in the extension host.` },

  // new report
  newReportTitle: { zh: '新建政府信息公开年报', en: 'New annual report' },
  agencyPrompt: { zh: '机关名称（如：某某县人民政府）', en: 'Name of the agency (e.g. 某某县人民政府)' },
  agencyRequired: { zh: '请填写机关名称', en: 'The agency is required' },
  yearPrompt: { zh: '报告年度', en: 'Year reported on' },
  yearFourDigits: { zh: '请输入四位数年份', en: 'Four digits' },

  // commands
  openReportFirst: { zh: '请先打开一份政府信息公开年报。', en: 'Open an annual report first.' },
  workspaceChecked: {
    zh: (r: { cancelled?: boolean; files: number; errors: number; warnings: number; unreadable: number }) =>
      `${r.cancelled ? '已取消。' : ''}检查了 ${r.files} 份年报：${r.errors} 个错误，${r.warnings} 个警告${r.unreadable ? `；${r.unreadable} 个文件无法读取` : ''}。`,
    en: (r: { cancelled?: boolean; files: number; errors: number; warnings: number; unreadable: number }) =>
      `${r.cancelled ? 'Cancelled. ' : ''}${plural(r.files, 'report')} checked: ${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}${r.unreadable ? `; ${plural(r.unreadable, 'file')} unreadable` : ''}.`,
  },
  showProblems: { zh: '打开问题面板', en: 'Show Problems' },
  nothingToFix: { zh: '没有可以安全自动修复的问题。', en: 'Nothing to fix safely.' },
  allSectionsThere: { zh: '六个部分齐全，没有缺失的部分。', en: 'All six sections are there.' },
  insertSectionTitle: { zh: '插入缺失的部分', en: 'Insert a missing section' },
  exportTitle: { zh: '导出统计表', en: 'Export the tables' },
  exportCsv: { zh: '每个单元格一行，可用 Excel 打开', en: 'one line per cell, opens in Excel' },
  exportJson: { zh: '与命令行 --tables 相同', en: 'as the CLI’s --tables' },
  exported: { zh: (name: string) => `统计表已导出到 ${name}。`, en: (name: string) => `Tables exported to ${name}.` },
  exportBlocked: {
    zh: (n: number, list: string) => `表格中有 ${n} 个错误，改正后再导出为好：\n${list}`,
    en: (n: number, list: string) => `The tables have ${plural(n, 'error')}; better fix them before exporting:\n${list}`,
  },
  exportAnyway: { zh: '仍然导出', en: 'Export Anyway' },
  showErrors: { zh: '查看错误', en: 'Show the Errors' },
  exportOverwrite: { zh: (name: string) => `${name} 已存在，要替换它吗？`, en: (name: string) => `${name} exists. Replace it?` },
  replace: { zh: '替换', en: 'Replace' },
  saveAs: { zh: '另存为…', en: 'Save As…' },
  reportExported: { zh: (name: string) => `已导出为 ${name}。`, en: (name: string) => `Exported as ${name}.` },
  openExported: { zh: '打开', en: 'Open' },
  revealExported: { zh: '在文件夹中显示', en: 'Reveal in Folder' },
  compareTitle: { zh: (name: string) => `与上一年度比较${name ? '：' + name : ''}`, en: (name: string) => `Compared with last year${name ? ': ' + name : ''}` },
  compareHeading: {
    zh: (name: string, year: number | undefined, previous: string, previousYear: number | undefined) => `${name}（${year ?? '?'} 年）与 ${previous}（${previousYear ?? '?'} 年）`,
    en: (name: string, year: number | undefined, previous: string, previousYear: number | undefined) => `${name} (${year ?? '?'}) and ${previous} (${previousYear ?? '?'})`,
  },
  compareSummary: {
    zh: (changed: number, cells: number, flagged: number, paragraphs: number) => `统计表 ${cells} 格中 ${changed} 格有变化，${flagged} 格变化异常；${paragraphs} 段与上一年度相同或几乎相同。`,
    en: (changed: number, cells: number, flagged: number, paragraphs: number) => `${plural(changed, 'cell')} of ${cells} changed, ${flagged} flagged; ${plural(paragraphs, 'paragraph')} the same as last year's, or nearly.`,
  },
  compareNotYearBefore: { zh: '注意：两份报告的年度不相邻。', en: 'Note: the two reports are not of consecutive years.' },
  compareCells: { zh: '统计表的变化', en: 'Changes in the tables' },
  compareCell: { zh: '单元格', en: 'Cell' },
  compareBefore: { zh: '上年', en: 'Last year' },
  compareNow: { zh: '本年', en: 'This year' },
  compareChange: { zh: '增减', en: 'Change' },
  compareShowAll: { zh: '也显示没有变化的格', en: 'Show the cells that did not change too' },
  compareNone: { zh: '统计表没有变化。', en: 'The tables did not change.' },
  compareParagraphs: { zh: '与上一年度相同或几乎相同的段落（数字不计）', en: 'Paragraphs the same as last year’s, or nearly (numbers aside)' },
  compareNoParagraphs: { zh: '没有照抄上一年度的段落。', en: 'No paragraph copied from last year’s.' },
  compareFromZero: { zh: '从 0 增至上百，请核实', en: 'from 0 to hundreds: check it' },
  compareHalved: { zh: '总计减少过半，请核实', en: 'a total fell by more than half: check it' },
  comparePick: { zh: '选择上一年度的报告…', en: 'Choose Last Year’s Report…' },
  nothingToSum: { zh: '工作区中没有其他年报可以汇总。', en: 'No other reports in the workspace to sum.' },
  sumPick: { zh: '选择要汇总的年报', en: 'Reports to sum' },
  sumLeftOut: { zh: (file: string, why: string) => `未计入 ${file}：${why}`, en: (file: string, why: string) => `Left out ${file}: ${why}` },
  sumPartial: { zh: (file: string, n: number) => `${file} 有 ${n} 处无法读取，计为 0`, en: (file: string, n: number) => `${file}: ${plural(n, 'unreadable place')} counted as 0` },
  sumUnreadable: { zh: (file: string) => `无法读取 ${file}`, en: (file: string) => `Could not read ${file}` },
  sumHead: { zh: (n: number, year?: number) => `汇总了 ${n} 份 ${year ?? ''} 年的报告。`, en: (n: number, year?: number) => `${plural(n, 'report')} of ${year ?? '?'} summed.` },
  sumWritten: { zh: '汇总表已写入本报告。', en: 'The summed tables were written into this report.' },
  sumEqual: { zh: '本报告各表与汇总数一致。', en: 'This report’s tables equal the sum.' },
  sumDiffers: { zh: (n: number) => `${n} 格与汇总数不同`, en: (n: number) => `${plural(n, 'cell')} differ from the sum` },
  sumCell: {
    zh: (mine: number | null, sum: number) => `本报告 ${mine ?? '（无数字）'}，汇总 ${sum}`,
    en: (mine: number | null, sum: number) => `this report ${mine ?? '(no number)'}, sum ${sum}`,
  },

  // reports as published
  choosePublished: { zh: '选择 PDF、Word 或网页年报', en: 'Choose a PDF, Word or web page report' },
  reportsFilter: { zh: '年报', en: 'Reports' },
  fileTooLarge: { zh: (mb: number) => `文件过大（${mb} MB），未读取。`, en: (mb: number) => `The file is too large (${mb} MB); not read.` },
  reading: { zh: (name: string) => `读取 ${name}`, en: (name: string) => `Reading ${name}` },
  openPublishedFirst: { zh: '请先打开一份 PDF、Word 或网页年报。', en: 'Open a PDF, Word or web page report first.' },
  publishedReading: { zh: '正在读取…', en: 'Reading…' },
  publishedRead: {
    zh: '已读取为年报文本，在旁边打开并检查：问题在其中标出，统计表可“以表格查看”。',
    en: 'Read as report text, opened beside and checked: its problems are marked there, its tables can be shown as a grid.',
  },
  publishedOpenAgain: { zh: '再次打开年报文本', en: 'Open the report text again' },
  publishedOpenAsText: { zh: '以可编辑文本打开（可另存为 .txt）', en: 'Open as editable text (save as .txt)' },
  publishedFailed: { zh: '无法读取为年报，原因见通知。', en: 'Could not be read as a report: see the notification.' },

  // the status items
  statusName: { zh: '政府信息公开年报检查', en: 'Annual report check' },
  statusText: { zh: '年报检查', en: 'Report check' },
  statusProblems: { zh: '问题面板', en: 'Problems' },
  statusWaiting: { zh: '等待检查', en: 'not checked yet' },
  statusOff: { zh: '$(circle-slash) 年报检查已关闭', en: '$(circle-slash) Report check off' },
  statusErrors: { zh: (n: number) => `${n} 个错误`, en: (n: number) => plural(n, 'error') },
  statusWarnings: { zh: (n: number) => `${n} 个警告`, en: (n: number) => plural(n, 'warning') },
  statusOthers: { zh: (n: number) => `${n} 条提示`, en: (n: number) => plural(n, 'note') },
  statusClean: { zh: '年报无问题', en: 'no problems' },
  listSeparator: { zh: '，', en: ', ' },
  detailSeparator: { zh: '；', en: '; ' },
  statusDuration: { zh: (ms: number) => `上次检查用时 ${ms} ms`, en: (ms: number) => `last check ${ms} ms` },
  statusIgnored: { zh: (n: number) => `已忽略 ${n} 个（.govreportrc.json）`, en: (n: number) => `${n} ignored (.govreportrc.json)` },
  statusLarge: { zh: '文档较大，只在保存时检查', en: 'large document: checked on save' },
  encodingName: { zh: '年报文件编码', en: 'Report file encoding' },
  encodingMismatch: { zh: (name: string) => `$(warning) 文件是 ${name} 编码`, en: (name: string) => `$(warning) The file is ${name}` },
  encodingMismatchDetail: {
    zh: (name: string) => `编辑器没有按 ${name} 打开它，中文显示为乱码，检查结果不可信`,
    en: (name: string) => `not opened as ${name}: its Chinese shows garbled and the check cannot be trusted`,
  },
  encodingReopen: { zh: '按编码重新打开', en: 'Reopen with Encoding' },
  encodingStray: { zh: (name: string) => `$(warning) ${name}（有无法识别的字节）`, en: (name: string) => `$(warning) ${name} (stray bytes)` },
  encodingStrayDetail: {
    zh: (name: string, lines: number[]) => `第 ${lines.join('、')} 行有不是 ${name} 的字节`,
    en: (name: string, lines: number[]) => `bytes that are not ${name} on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`,
  },
  encodingKept: {
    zh: (name: string) => `文件按 ${name} 编码保存；命令行 --fix 写回时保持此编码`,
    en: (name: string) => `the file is saved as ${name}; the command line's --fix writes it back so`,
  },

  // the table view (the page's own words are sent to it with each drawing)
  tablesPanel: { zh: '年报统计表', en: 'Report tables' },
  tablesTitle: { zh: (name: string) => `统计表 · ${name}`, en: (name: string) => `Tables · ${name}` },
  tablesUntitled: { zh: '（无标题）', en: '(untitled)' },
  tablesNoReport: { zh: '没有打开的年报。', en: 'No report open.' },
  tablesFlagged: {
    zh: (n: number) => `${n} 个单元格有问题（悬停查看等式，单击定位到正文）`,
    en: (n: number) => `${plural(n, 'cell')} with problems (hover for the sums, click to select in the text)`,
  },
  tablesClean: { zh: '各表没有发现问题。单击单元格可定位到正文。', en: 'No problems in the tables. Click a cell to select it in the text.' },
  tablesAbsent: { zh: '报告中没有此表。', en: 'The report has no such table.' },
  tablesMissingCell: { zh: '报告中缺少这一格', en: 'missing from the report' },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;
export type Args<E> = E extends { zh: (...args: infer A) => string } ? A : [];

/** A message in a language. */
export function say<K extends MessageKey>(lang: Lang, key: K, ...args: Args<(typeof MESSAGES)[K]>): string {
  const text = MESSAGES[key][lang] as string | ((...a: unknown[]) => string);
  return typeof text === 'function' ? text(...args) : text;
}
