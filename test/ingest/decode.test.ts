/** Decoding: the BOM / UTF-8 / GB18030 logic with jschardet behind it, damage kept small and counted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { decodeText, stripControls } from '../../ingest/stages/decode';
import { readHtml } from '../../ingest/stages/readers/html';
import { RAW } from './helpers';

const PLAN = readFileSync(join(RAW, '001_2ed66e526de68ea1.txt'), 'utf8').split('\n').slice(1, 7).join('\n');
const TRAD = OpenCC.Converter({ from: 'cn', to: 'tw' })(PLAN);
const bytes = (b: Buffer | string): Uint8Array => new Uint8Array(typeof b === 'string' ? Buffer.from(b) : b);
const damaged = (every: number): Uint8Array => {
  const b = Buffer.from(PLAN);
  for (let i = 10; i < b.length; i += every) b[i] = 0xff;
  return bytes(b);
};

interface Case {
  readonly name: string;
  readonly input: Uint8Array;
  readonly encoding: string;
  readonly text: string;
  readonly removals?: Record<string, number>;
}

const CASES: Case[] = [
  { name: 'UTF-8', input: bytes(PLAN), encoding: 'utf-8', text: PLAN },
  { name: 'GBK', input: bytes(iconv.encode(PLAN, 'gbk')), encoding: 'gb18030', text: PLAN },
  { name: 'a short GBK title', input: bytes(iconv.encode('宣传思想工作计划', 'gbk')), encoding: 'gb18030', text: '宣传思想工作计划' },
  { name: 'Big5 (Traditional)', input: bytes(iconv.encode(TRAD, 'big5')), encoding: 'big5', text: TRAD },
  { name: 'a short Big5 passage', input: bytes(iconv.encode(TRAD.slice(0, 40), 'big5')), encoding: 'big5', text: TRAD.slice(0, 40) },
  { name: 'UTF-16LE without BOM', input: bytes(iconv.encode(PLAN, 'utf16-le')), encoding: 'utf-16le (no BOM)', text: PLAN },
  { name: 'UTF-16BE without BOM', input: bytes(iconv.encode(PLAN, 'utf16-be')), encoding: 'utf-16be (no BOM)', text: PLAN },
  {
    name: 'UTF-16LE without BOM starting with 一 (a NUL on the other side)',
    input: bytes(iconv.encode(`一、${PLAN}`, 'utf16-le')),
    encoding: 'utf-16le (no BOM)',
    text: `一、${PLAN}`,
  },
  { name: 'UTF-16LE with BOM', input: bytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(PLAN, 'utf16-le')])), encoding: 'utf-16le', text: PLAN },
  {
    name: 'GBK lines in a UTF-8 file',
    input: bytes(Buffer.concat([Buffer.from(`${PLAN.split('\n')[0]}\n`), iconv.encode(PLAN.split('\n').slice(1).join('\n'), 'gbk')])),
    encoding: 'utf-8+gb18030',
    text: PLAN,
  },
  {
    name: 'UTF-8 with its last 2 bytes cut',
    input: bytes(Buffer.from(PLAN).subarray(0, -2)),
    encoding: 'utf-8',
    text: `${PLAN.slice(0, -1)}\ufffd`,
    removals: { decode_replaced: 1 },
  },
  { name: 'control characters', input: bytes(PLAN.replace('。', '\u0001\u001b\u007f。')), encoding: 'utf-8', text: PLAN, removals: { control_chars: 3 } },
];

describe('decodeText', () => {
  it.each(CASES)('decodes $name', ({ input, encoding, text, removals }) => {
    const r = decodeText(input);
    expect(r.ok ? { encoding: r.encoding, text: r.text } : r).toEqual({ encoding, text });
    const got = r.ok ? Object.fromEntries(r.removals.map((x) => [x.rule, x.chars])) : null;
    expect(got).toEqual(removals ?? {});
  });

  it('keeps a file with a few bad bytes, counting each replaced sequence', () => {
    const b = Buffer.from(PLAN);
    b[300] = 0xff;
    const r = decodeText(bytes(b));
    expect(r.ok && r.removals).toEqual([expect.objectContaining({ rule: 'decode_replaced', chars: expect.any(Number) })]);
    expect(r.ok && r.text.split('\ufffd').length - 1).toBe(r.ok ? r.removals[0]!.chars : -1);
    expect(r.ok && r.text.slice(0, 90)).toBe(PLAN.slice(0, 90));
  });

  it('skips a file past the bad-byte threshold, with the count in the reason', () => {
    expect(decodeText(damaged(30))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^not decodable as [\w+-]+: \d+ of \d+ characters are bad bytes \(limit 1%\)$/u),
    });
  });

  const REFUSED: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(), /^empty file$/u],
    ['only whitespace', bytes(' \r\n\t　'), /only whitespace/u],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary content/u],
    ['NULs scattered on both sides', new Uint8Array([0x41, 0, 0, 0x42, 0x43, 0, 0, 0x44, 0x41, 0, 0, 0x42]), /binary content/u],
  ];
  it.each(REFUSED)('refuses %s with a reason', (_name, input, reason) => {
    expect(decodeText(input)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('stripControls', () => {
  it('removes C0, DEL and C1 controls but keeps tabs and line ends', () => {
    expect(stripControls('a\u0000b\tc\r\nd\u0085e\u007f\u001b')).toEqual({ text: 'ab\tc\r\nde', removed: 4 });
  });
});

describe('.html charset', () => {
  const page = (charset: string, body: string): string => `<html><head><meta charset="${charset}"><title>t</title></head><body><p>${body}</p></body></html>`;
  const LIES: [string, Uint8Array, string, string][] = [
    ['a UTF-8 body whose meta says gbk', bytes(page('gbk', PLAN)), 'html/utf-8', PLAN],
    ['a UTF-8 body whose meta says iso-8859-1', bytes(page('iso-8859-1', PLAN)), 'html/utf-8', PLAN],
    ['a UTF-8 body whose meta says utf-16', bytes(page('utf-16', PLAN)), 'html/utf-8', PLAN],
    ['a Big5 body whose meta says gbk', bytes(iconv.encode(page('gbk', TRAD), 'big5')), 'html/big5 (meta said gbk)', TRAD],
    ['a GBK body that says gbk', bytes(iconv.encode(page('gbk', PLAN), 'gbk')), 'html/gbk', PLAN],
  ];
  it.each(LIES)('reads %s as the text it is', (_name, input, encoding, text) => {
    const r = readHtml(input);
    expect(r.ok ? { encoding: r.encoding, text: r.text } : r).toEqual({ encoding, text });
  });

  it('removes control characters that character references produce, and counts them', () => {
    const r = readHtml(bytes(page('utf-8', '加强&#1;理论&#x1b;学习&#127;')));
    expect(r).toMatchObject({ ok: true, text: '加强理论学习', removals: [{ rule: 'control_chars', chars: 3 }] });
  });
});
