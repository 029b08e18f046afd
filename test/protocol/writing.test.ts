/**
 * The writing experience over LSP, in Chinese and in English: completion in each
 * context, hover guidance on headings, 第二十条 items and table 三 row labels.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionItem, CompletionRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { blankLine, lineOf, readSeed } from '../helpers';
import { TestServer, startServer } from './lspClient';

const REPORT = [
  '某县2023年政府信息公开工作年度报告',
  '',
  '',
  '一、总体情况',
  '（一）主动公开情况。（二）依申请公开情况。（三）政府信息管理情况。（四）平台建设情况。（五）监督保障情况。',
  '二、主动公开政府信息情况',
  '',
  '三、收到和处理政府信息公开申请情况',
  '第二十条第',
  '四、政府信息公开行政复议、行政诉讼情况',
  '',
  '五、存在的主要问题及改进情况',
  '问题。',
  '六、其他需要报告的事项',
  '',
].join('\n');

async function complete(server: TestServer, uri: string, line: number, character = 0): Promise<CompletionItem[]> {
  const r = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  return (Array.isArray(r) ? r : r?.items ?? []) as CompletionItem[];
}

for (const locale of ['zh-cn', 'en'] as const) {
  describe(`completion and hover over LSP (${locale})`, () => {
    let server: TestServer;
    const zh = locale === 'zh-cn';
    const uri = `file:///writing/${locale}.txt`;
    const tableUri = `file:///writing/${locale}-table.txt`;
    const tableText = blankLine(readSeed('wuzhong-2023'), '2.没有现成信息需要另行制作');

    before(async () => {
      server = await startServer(locale);
      await server.open(uri, REPORT);
      await server.open(tableUri, tableText);
    });
    after(() => server.stop());

    it('offers the preamble filled with the agency and year of the title', async () => {
      const items = await complete(server, uri, 1);
      assert.equal(items.length, 1);
      assert.equal(items[0]!.label, zh ? '前言（引用《条例》和国办公开办函〔2021〕30号）' : 'Preamble (citing the Regulations and 国办公开办函〔2021〕30号)');
      assert.match(items[0]!.insertText!, /\$\{1:某县\}/);
      assert.match(items[0]!.insertText!, /统计期限为\$\{2:2023\}年1月1日至\$\{2:2023\}年12月31日/);
    });

    it('offers the template of an empty section (二, with its table)', async () => {
      const items = await complete(server, uri, 6);
      assert.equal(items[0]!.label, zh ? '二、主动公开政府信息情况（模板）' : 'Template of section 二 (Proactive disclosure)');
      assert.match(items[0]!.insertText!, /^第二十条第（一）项\t/);
    });

    it('offers the four items after 第二十条第', async () => {
      const items = await complete(server, uri, 8, '第二十条第'.length);
      assert.deepEqual(items.map((i) => i.label), ['（一）项', '（五）项', '（六）项', '（八）项']);
      assert.match(String(items[1]!.detail), zh ? /第二十条（五）：行政许可/ : /Article 20 item （五）: 行政许可/);
    });

    it('offers the fee clauses in section 六, and its template while it is empty', async () => {
      const items = await complete(server, uri, 14);
      const labels = items.map((i) => i.label);
      assert.deepEqual(labels, zh ? ['六、其他需要报告的事项（模板）', '信息处理费：未收取', '信息处理费：已收取'] : ['Template of section 六 (Other matters)', 'Fees: none charged', 'Fees: charged']);
      assert.match(items[1]!.insertText!, /国办函〔2020〕109号），\$\{1:某县\}\$\{2:2023\}年度在办理政府信息公开申请过程中未收取信息处理费/);
    });

    it('offers, inside table 三, the rows it lacks', async () => {
      const line = tableText.split('\n').findIndex((l, k, all) => k > 0 && l === '' && all[k - 1]!.includes('1.本机关不掌握相关政府信息'));
      const items = await complete(server, tableUri, line);
      assert.deepEqual(items.map((i) => i.label), ['2.没有现成信息需要另行制作']);
      assert.equal(items[0]!.detail, zh ? '表三缺少的行：（四）无法提供 2.没有现成信息需要另行制作' : 'Row missing from table 三: （四）无法提供 2.没有现成信息需要另行制作');
    });

    it('hover on a section heading says what the format requires', async () => {
      const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 11, character: 2 } });
      const v = (h!.contents as MarkupContent).value;
      assert.match(v, /\*\*五、存在的主要问题及改进情况\*\*/);
      assert.match(v, zh ? /不能为空或仅写“无”/ : /not just “无”/);
    });

    it('hover on 第二十条第（五）项 quotes the 条例, and on a table 三 row label gives its article', async () => {
      const text = readSeed('wuzhong-2023');
      const line = lineOf(text, '第二十条第(五)项');
      const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: tableUri }, position: { line, character: 3 } });
      assert.match((h!.contents as MarkupContent).value, /第二十条　行政机关应当依照本条例第十九条的规定.*（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；/s);
      const row = lineOf(text, '4.保护第三方合法权益');
      const character = text.split('\n')[row]!.indexOf('4.保护');
      const r = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: tableUri }, position: { line: row, character: character + 2 } });
      const v = (r!.contents as MarkupContent).value;
      assert.match(v, /\*\*表三 · （三）不予公开 4\.保护第三方合法权益\*\*/);
      assert.match(v, zh ? /依据：《中华人民共和国政府信息公开条例》第十五条/ : /Basis: .*第十五条/);
    });
  });
}
