/** PDF text layers, .docx limits and the old office formats: read, or skipped with the reason. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentXml, readDocx } from '../../ingest/stages/readers/docx';
import { refuseLegacyOffice } from '../../ingest/stages/readers/legacy';
import { joinPages, readPdf } from '../../ingest/stages/readers/pdf';
import { readHtml } from '../../ingest/stages/readers/html';
import { makeDocx } from '../fixtures/make/docx';
import { makePdf } from '../fixtures/make/pdf';
import { RAW } from './helpers';

const PLAN = readFileSync(join(RAW, '000_b8053b4a706e5b40.txt'), 'utf8')
  .split('\n')
  .slice(0, 3)
  .map((l) => l.replace(/^\d+、/u, ''));

describe('PDF reader', () => {
  it('reads a Chinese text layer and joins the word a page break split (学 / 习强国), dropping page numbers', async () => {
    // page 2 of the sample viewer dump ends in 学, page 3 starts with 习强国: the same break as a PDF's
    const r = await readPdf(makePdf([[PLAN[0]!.slice(0, 60), PLAN[1]!], ['- 2 -'], [PLAN[2]!, '第 3 页 共 3 页']]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('pdf');
    expect(r.text).toContain('充分运用学习强国');
    expect(r.text).not.toMatch(/第 3 页|- 2 -/u);
    expect(r.removals?.map((x) => x.rule)).toEqual(['pdf_page_number', 'pdf_page_join']);
  });

  it('keeps a page break after a finished sentence as a line break', () => {
    expect(joinPages([['一、加强理论学习。'], ['二、强化阵地管理'], ['建设。']])).toEqual({ text: '一、加强理论学习。\n二、强化阵地管理建设。', joins: 1 });
    expect(joinPages([['The bureau will'], ['hold lectures.']])).toEqual({ text: 'The bureau will hold lectures.', joins: 1 });
  });

  const SKIPPED: [string, () => Uint8Array, RegExp][] = [
    ['a scan (pages without a text layer)', () => makePdf([[], [], []]), /^no text layer in 3 page\(s\): a scanned or image-only PDF/u],
    ['a password-protected file', () => makePdf([['Work plan 2024']], { encrypt: true }), /^encrypted PDF: a password is needed/u],
    ['a damaged file', () => new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type')), /^damaged PDF/u],
    ['a file that is no PDF', () => new Uint8Array(Buffer.from('2024年工作要点')), /^not a PDF file/u],
  ];
  it.each(SKIPPED)('skips %s with the reason', async (_name, make, reason) => {
    expect(await readPdf(make())).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('.docx limits', () => {
  it('refuses a zip bomb once its XML passes the decompressed-size limit, without inflating the rest', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024).fill(0x20), '[Content_Types].xml': strToU8('<Types/>') });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(documentXml(bomb, 1024 * 1024)).toMatch(/larger than 1048576 bytes once decompressed/u);
  });

  it('reads a single 16-million-character text run without a stack overflow', () => {
    const run = PLAN.join('')
      .repeat(Math.ceil(16e6 / PLAN.join('').length))
      .slice(0, 16e6);
    const r = readDocx(makeDocx([run]));
    expect(r.ok && r.text.length).toBe(16e6);
  });
});

describe('old office formats', () => {
  const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  const CASES: [string, Uint8Array, string, RegExp | { encoding: string }][] = [
    ['an old binary .doc', OLE, '.doc', /^old binary Word document \(\.doc\) is not read: save it as \.docx or \.txt$/u],
    ['a WPS document', OLE, '.wps', /^WPS Office binary document \(\.wps\) is not read/u],
    ['an RTF file', new Uint8Array(Buffer.from('{\\rtf1\\ansi plan}')), '.rtf', /^RTF \(\.rtf\) is not read/u],
    ['something else named .doc', new Uint8Array(Buffer.from('hello')), '.doc', /^unrecognised \.doc file/u],
    ['a .docx named .doc', makeDocx(PLAN), '.doc', { encoding: 'docx' }],
    ['a web page saved as .doc', new Uint8Array(Buffer.from(`<html><body><p>${PLAN[0]}</p></body></html>`)), '.doc', { encoding: 'html/utf-8' }],
  ];
  it.each(CASES)('%s', (_name, bytes, ext, want) => {
    const r = refuseLegacyOffice(bytes, ext);
    if (want instanceof RegExp) expect(r).toEqual({ ok: false, reason: expect.stringMatching(want) });
    else expect(r).toMatchObject({ ok: true, encoding: want.encoding });
  });
});

describe('a saved page without its own chrome', () => {
  it('drops navigation, sidebars, footers and forms by their markup, keeps the article, and logs it', () => {
    const page = `<html><head><meta charset="utf-8"><title>x</title></head><body>
      <nav><a href="/">首页</a> <a href="/fw">范文大全</a> <a href="/zj">工作总结</a></nav>
      <aside><h4>热门文章</h4><ul><li>2023年宣传工作计划</li><li>学校安全工作总结</li></ul></aside>
      <article><h1>青石镇2023年意识形态工作总结</h1>
      <p>今年以来,我镇认真落实意识形态工作责任制,理论学习中心组全年集中学习12次。</p>
      <p>对辖区内的宣传栏、电子屏和微信群进行全面排查,及时清理过时内容。</p></article>
      <form><input name="q"><button>搜索</button></form>
      <footer>版权所有 © 2024 青禾公文网 | 联系我们</footer></body></html>`;
    const read = readHtml(new TextEncoder().encode(page));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.text.split('\n')).toEqual([
      '青石镇2023年意识形态工作总结',
      '今年以来,我镇认真落实意识形态工作责任制,理论学习中心组全年集中学习12次。',
      '对辖区内的宣传栏、电子屏和微信群进行全面排查,及时清理过时内容。',
    ]);
    expect((read.removals ?? []).filter((r) => r.rule === 'html_chrome').map((r) => r.sample.slice(0, 7))).toEqual([
      '<nav>: ',
      '<aside>',
      '<form>:',
      '<footer',
    ]);
  });

  it('looks inside a <form> that wraps the whole page (ASP.NET) and drops the navigation in it', () => {
    const page = `<html><body><form id="form1"><nav>首页 | 政务公开 | 互动交流</nav><div class="content"><h1>县统计局2023年宣传工作总结</h1>
      <p>今年以来,我局认真落实意识形态工作责任制,理论学习中心组全年集中学习10次,各项工作有序推进。</p></div>
      <footer>主办单位:某县人民政府办公室</footer></form></body></html>`;
    const read = readHtml(new TextEncoder().encode(page));
    expect(read.ok && read.text.split('\n')).toEqual([
      '县统计局2023年宣传工作总结',
      '今年以来,我局认真落实意识形态工作责任制,理论学习中心组全年集中学习10次,各项工作有序推进。',
    ]);
  });

  it('keeps an element that holds the document itself, whatever its tag', () => {
    const page = `<html><body><footer><h2>附件:意识形态工作责任清单</h2><p>一、组织领导。成立工作领导小组,统筹推进各项工作。</p></footer></body></html>`;
    const read = readHtml(new TextEncoder().encode(page));
    expect(read.ok && read.text).toContain('附件:意识形态工作责任清单');
  });
});
