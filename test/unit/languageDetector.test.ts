import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGE_ID, createLanguageDetector } from '../../client/src/languageDetector';
import { SEED_NAMES, readSeed, seedPath } from '../helpers';

interface FakeDoc {
  languageId: string;
  uri: string;
  text: string;
  getText(): string;
}

function doc(uri: string, text: string, languageId = 'plaintext'): FakeDoc {
  return { languageId, uri, text, getText: () => text };
}

function setup(enabled = true) {
  const calls: [string, string][] = [];
  const detect = createLanguageDetector<FakeDoc>({
    detectByContent: () => enabled,
    setLanguage: (d, id) => {
      calls.push([d.uri, id]);
      d.languageId = id;
    },
  });
  return { detect, calls };
}

describe('language detection in the client', () => {
  it('switches every seed opened as plain text to the report language', () => {
    const { detect, calls } = setup();
    for (const name of SEED_NAMES) detect(doc(seedPath(name), readSeed(name)));
    assert.deepEqual(
      calls,
      SEED_NAMES.map((n) => [seedPath(n), LANGUAGE_ID]),
    );
  });

  it('switches Markdown reports but leaves other documents and languages alone', () => {
    const { detect, calls } = setup();
    detect(doc('a.md', '# 某县2023年政府信息公开工作年度报告\n', 'markdown'));
    detect(doc('b.txt', '会议纪要\n'));
    detect(doc('c.json', '{"t": "某县2023年政府信息公开工作年度报告"}', 'json'));
    assert.deepEqual(calls, [['a.md', LANGUAGE_ID]]);
  });

  it('respects the user who switches a document back to plain text', () => {
    const { detect, calls } = setup();
    const d = doc('r.txt', readSeed('wuzhong-2023'));
    assert.equal(detect(d), true);
    d.languageId = 'plaintext'; // the user picks "Plain Text"; VS Code reopens the document
    assert.equal(detect(d), false);
    assert.equal(calls.length, 1);
  });

  it('does nothing when govReport.detectByContent is off', () => {
    const { detect, calls } = setup(false);
    detect(doc('r.txt', readSeed('wuzhong-2023')));
    assert.deepEqual(calls, []);
  });
});
