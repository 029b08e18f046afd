/**
 * The language status items of report documents: the problems of the active report and how long its
 * last check took, and — when worth saying — how its file is encoded (from the server's govReport/status).
 * They speak the language chosen now, and say it again when govReport.messageLanguage changes.
 */
import * as vscode from 'vscode';
import type { CheckStatus, FileEncodingStatus } from '../../server/src/lsp/protocol';
import { encodingStatus } from './encodingStatus';
import { clientLang, onDidChangeLanguage, t } from './language';

export class ReportStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  /** how the active report's file is encoded: there only while that is worth saying */
  private encodingItem: vscode.LanguageStatusItem | undefined;
  private readonly byUri = new Map<string, CheckStatus>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly languageId: string) {
    this.item = vscode.languages.createLanguageStatusItem('govReport.status', { language: languageId });
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.show()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
      onDidChangeLanguage(() => this.show()),
    );
    this.show();
  }

  update(status: CheckStatus): void {
    this.byUri.set(status.uri, status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === status.uri) this.show();
  }

  private showEncoding(encoding: FileEncodingStatus | undefined): void {
    if (!encoding) {
      this.encodingItem?.dispose();
      this.encodingItem = undefined;
      return;
    }
    const item = (this.encodingItem ??= vscode.languages.createLanguageStatusItem('govReport.encoding', { language: this.languageId }));
    const said = encodingStatus(encoding, clientLang());
    item.name = t('encodingName');
    item.text = said.text;
    item.detail = said.detail;
    item.severity = said.warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = said.reopen ? { title: t('encodingReopen'), command: 'workbench.action.editor.changeEncoding' } : undefined;
  }

  private show(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const s = doc ? this.byUri.get(doc.uri.toString()) : undefined;
    this.showEncoding(s?.encoding);
    const item = this.item;
    item.name = t('statusName');
    item.command = { title: t('statusProblems'), command: 'workbench.actions.view.problems' };
    item.busy = false;
    if (!s) {
      item.text = t('statusText');
      item.detail = t('statusWaiting');
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    if (s.state === 'disabled') {
      item.text = t('statusOff');
      item.detail = 'govReport.enable';
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const parts: string[] = [];
    if (s.errors) parts.push(t('statusErrors', s.errors));
    if (s.warnings) parts.push(t('statusWarnings', s.warnings));
    if (s.others) parts.push(t('statusOthers', s.others));
    const icon = s.errors ? '$(error)' : s.warnings ? '$(warning)' : '$(check)';
    item.text = `${icon} ${parts.length ? parts.join(t('listSeparator')) : t('statusClean')}`;
    const details: string[] = [];
    if (s.ms !== undefined) details.push(t('statusDuration', s.ms));
    if (s.ignored) details.push(t('statusIgnored', s.ignored));
    if (s.state === 'sizeLimit') details.push(t('statusLarge'));
    item.detail = details.join(t('detailSeparator'));
    item.severity = s.errors ? vscode.LanguageStatusSeverity.Error : s.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
    this.encodingItem?.dispose();
  }
}
