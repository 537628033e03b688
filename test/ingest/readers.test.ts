import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../ingest/stages/readers/docx';
import { declaredCharset, readHtml } from '../../ingest/stages/readers/html';
import { makeDocx } from '../fixtures/make/docx';
import { RAW } from './helpers';

const PLAN = readFileSync(join(RAW, '001_2ed66e526de68ea1.txt'), 'utf8').split('\n').slice(1, 5);

describe('.docx reader', () => {
  it('gives one line per Word paragraph, runs joined, entities decoded', () => {
    const result = readDocx(makeDocx([...PLAN, '“两个确立” & <四个意识>']));
    expect(result).toEqual({ ok: true, encoding: 'docx', text: [...PLAN, '“两个确立” & <四个意识>'].join('\n') });
  });

  it('refuses an old binary .doc and a broken zip with a reason', () => {
    expect(readDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toMatchObject({ ok: false, reason: expect.stringMatching(/old binary \.doc/) });
    expect(readDocx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged \.docx/) });
  });
});

describe('.html reader', () => {
  const page = (charset: string, body: string): string =>
    `<!doctype html><html><head><meta charset="${charset}"><title>范文网_工作要点</title><style>p{color:red}</style></head><body><script>var x="推荐访问";</script><h1>${PLAN[0]!.slice(0, 12)}</h1><div class="content"><p>${body}</p><!-- ad --></div></body></html>`;

  it('decodes a GBK page by its meta charset and keeps block structure', () => {
    const html = page('gbk', `${PLAN[1]}<br/>${PLAN[2]}&nbsp;&ldquo;`);
    const result = readHtml(new Uint8Array(iconv.encode(html, 'gbk')));
    expect(result.ok && result.encoding).toBe('html/gbk');
    expect(result.ok && result.text.split('\n')).toEqual([PLAN[0]!.slice(0, 12), PLAN[1], `${PLAN[2]} “`]);
  });

  it('drops head, scripts, styles and comments', () => {
    const result = readHtml(new TextEncoder().encode(page('utf-8', PLAN[1]!)));
    expect(result.ok && result.text).not.toMatch(/范文网|推荐访问|color|ad/);
  });

  it('reads the declared charset from either meta form', () => {
    expect(declaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')).toBe('gb2312');
    expect(declaredCharset('<meta charset=utf-8>')).toBe('utf-8');
    expect(declaredCharset('<p>no meta</p>')).toBeNull();
  });
});
