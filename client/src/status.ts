/**
 * The language status items of report documents: the problems of the active report and how long its
 * last check took, and — when worth saying — how its file is encoded (from the server's govReport/status).
 */
import * as vscode from 'vscode';
import type { CheckStatus, FileEncodingStatus } from '../../server/src/lsp/protocol';
import { encodingStatus } from './encodingStatus';

export class ReportStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  /** how the active report's file is encoded: there only while that is worth saying */
  private encodingItem: vscode.LanguageStatusItem | undefined;
  private readonly byUri = new Map<string, CheckStatus>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly languageId: string, private readonly zh: boolean) {
    this.item = vscode.languages.createLanguageStatusItem('govReport.status', { language: languageId });
    this.item.name = zh ? '政府信息公开年报检查' : 'Annual report check';
    this.item.text = zh ? '年报检查' : 'Report check';
    this.item.command = { title: zh ? '问题面板' : 'Problems', command: 'workbench.actions.view.problems' };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.show()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
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
    const said = encodingStatus(encoding, this.zh);
    item.name = this.zh ? '年报文件编码' : 'Report file encoding';
    item.text = said.text;
    item.detail = said.detail;
    item.severity = said.warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = said.reopen ? { title: this.zh ? '按编码重新打开' : 'Reopen with Encoding', command: 'workbench.action.editor.changeEncoding' } : undefined;
  }

  private show(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const s = doc ? this.byUri.get(doc.uri.toString()) : undefined;
    this.showEncoding(s?.encoding);
    const zh = this.zh;
    const item = this.item;
    item.busy = false;
    if (!s) {
      item.text = zh ? '年报检查' : 'Report check';
      item.detail = zh ? '等待检查' : 'not checked yet';
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    if (s.state === 'disabled') {
      item.text = zh ? '$(circle-slash) 年报检查已关闭' : '$(circle-slash) Report check off';
      item.detail = 'govReport.enable';
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const parts: string[] = [];
    if (s.errors) parts.push(zh ? `${s.errors} 个错误` : `${s.errors} error${s.errors > 1 ? 's' : ''}`);
    if (s.warnings) parts.push(zh ? `${s.warnings} 个警告` : `${s.warnings} warning${s.warnings > 1 ? 's' : ''}`);
    if (s.others) parts.push(zh ? `${s.others} 条提示` : `${s.others} note${s.others > 1 ? 's' : ''}`);
    const icon = s.errors ? '$(error)' : s.warnings ? '$(warning)' : '$(check)';
    item.text = `${icon} ${parts.length ? parts.join(zh ? '，' : ', ') : zh ? '年报无问题' : 'no problems'}`;
    const details: string[] = [];
    if (s.ms !== undefined) details.push(zh ? `上次检查用时 ${s.ms} ms` : `last check ${s.ms} ms`);
    if (s.ignored) details.push(zh ? `已忽略 ${s.ignored} 个（.govreportrc.json）` : `${s.ignored} ignored (.govreportrc.json)`);
    if (s.state === 'sizeLimit') details.push(zh ? '文档较大，只在保存时检查' : 'large document: checked on save');
    item.detail = details.join(zh ? '；' : '; ');
    item.severity = s.errors ? vscode.LanguageStatusSeverity.Error : s.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
    this.encodingItem?.dispose();
  }
}
