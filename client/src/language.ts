/**
 * The language of the extension's own strings: govReport.messageLanguage, or VS Code's display
 * language when it is "auto" — read at each string, so a change of the setting takes effect at once.
 */
import * as vscode from 'vscode';
import { Args, Lang, MESSAGES, MessageKey, say } from './messages';

export function clientLang(): Lang {
  const chosen = vscode.workspace.getConfiguration('govReport').get<string>('messageLanguage', 'auto');
  if (chosen === 'zh' || chosen === 'en') return chosen;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A message in the language chosen now. */
export function t<K extends MessageKey>(key: K, ...args: Args<(typeof MESSAGES)[K]>): string {
  return say(clientLang(), key, ...args);
}

/** Calls `listener` when the language of the extension's strings may have changed. */
export function onDidChangeLanguage(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('govReport.messageLanguage')) listener();
  });
}
