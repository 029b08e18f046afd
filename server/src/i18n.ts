/**
 * Every message exists in Chinese (the default) and English. Rules return
 * both; the layer that shows a message picks one.
 */
export type Locale = 'zh' | 'en';

export interface LocalizedText {
  zh: string;
  en: string;
}

/** VS Code's display language (`zh-cn`, `zh-tw`, `en`, …) → the message language. Chinese unless told otherwise. */
export function pickLocale(language: string | undefined | null): Locale {
  if (!language) return 'zh';
  return /^zh\b/i.test(language) || language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
