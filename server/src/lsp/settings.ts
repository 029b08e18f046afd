/**
 * The editor's govReport.* settings as the server uses them: read from whatever the client sends
 * (pulled with workspace/configuration, or pushed), every value checked, a default for each one that
 * is missing or wrong — a bad setting never stops a check.
 */
import type { RuleSetting } from '../check';
import type { Locale } from '../i18n';

export interface Settings {
  /** govReport.enable */
  enabled: boolean;
  /** govReport.run: check on typing (else on save only) */
  runOnType: boolean;
  /** govReport.rules: rules turned off or given another severity */
  rules: Record<string, RuleSetting>;
  /** govReport.messageLanguage, resolved ("auto": the client's display language) */
  locale: Locale;
  /** milliseconds to wait after a change before checking (govReport.debounce, unless initialization fixed it) */
  debounceMs: number;
  /** govReport.maxFileSize: documents longer than this (characters) are checked on save only */
  maxFileSize: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;
export const DEFAULT_MAX_FILE_SIZE = 2_000_000;

export function defaultSettings(locale: Locale): Settings {
  return { enabled: true, runOnType: true, rules: {}, locale, debounceMs: DEFAULT_DEBOUNCE_MS, maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

const RULE_SETTINGS = new Set(['off', 'error', 'warning', 'information', 'hint']);

/** The govReport section as the client sent it (anything at all). */
export type RawSettings = { rules?: unknown; messageLanguage?: unknown; debounce?: unknown; maxFileSize?: unknown; enable?: unknown; run?: unknown } | null | undefined;

/**
 * The settings a raw section means. `clientLocale` is the display language (for "auto"); a debounce
 * given at initialization (`fixedDebounce`, tests set 0) wins over the setting.
 */
export function readSettings(raw: RawSettings, clientLocale: Locale, fixedDebounce?: number): Settings {
  const s = raw && typeof raw === 'object' ? raw : {};
  const rules: Record<string, RuleSetting> = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [id, v] of Object.entries(s.rules as Record<string, unknown>)) if (typeof v === 'string' && RULE_SETTINGS.has(v)) rules[id] = v as RuleSetting;
  }
  const debounce = typeof s.debounce === 'number' && s.debounce >= 0 && s.debounce <= 10_000 ? s.debounce : DEFAULT_DEBOUNCE_MS;
  return {
    enabled: s.enable !== false,
    runOnType: s.run !== 'onSave',
    rules,
    locale: s.messageLanguage === 'zh' || s.messageLanguage === 'en' ? s.messageLanguage : clientLocale,
    debounceMs: fixedDebounce ?? debounce,
    maxFileSize: typeof s.maxFileSize === 'number' && s.maxFileSize > 0 ? s.maxFileSize : DEFAULT_MAX_FILE_SIZE,
  };
}

/** The patterns of VS Code's files.exclude that are on (`true`; a pattern with a `when` clause is left alone). */
export function excludePatterns(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([pattern, on]) => on === true && pattern.length > 0 && pattern.length <= 1000)
    .map(([pattern]) => pattern)
    .slice(0, 1000);
}
