/**
 * Text inside PNG files: `iTXt` chunks (UTF-8) written after the header chunk and read back. Used
 * by `png.ts` to store an exported chart's title and caption in the file itself.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An uncompressed international text chunk (UTF-8): keyword, then the text. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const body = new Uint8Array([...enc.encode('iTXt'), ...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const out = new Uint8Array(body.length + 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length - 4);
  out.set(body, 4);
  view.setUint32(4 + body.length, crc32(body));
  return out;
}

/** The PNG with `iTXt` chunks for `texts` inserted after its header chunk (IHDR is always 25 bytes in). */
export function withPngText(png: Uint8Array, texts: Readonly<Record<string, string>>): Uint8Array {
  const at = 8 + 25;
  const chunks = Object.entries(texts).map(([k, v]) => itxtChunk(k, v));
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + total);
  out.set(png.subarray(0, at), 0);
  let pos = at;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  out.set(png.subarray(at), pos);
  return out;
}

/** The `iTXt` texts of a PNG, by keyword (for tests and for reading an export back). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const dec = new TextDecoder();
  for (let pos = 8; pos + 8 <= png.length;) {
    const len = view.getUint32(pos);
    const type = dec.decode(png.subarray(pos + 4, pos + 8));
    if (type === 'iTXt') {
      const data = png.subarray(pos + 8, pos + 8 + len);
      const nul = data.indexOf(0);
      let i = nul + 3;
      i = data.indexOf(0, i) + 1; // language tag
      i = data.indexOf(0, i) + 1; // translated keyword
      out[dec.decode(data.subarray(0, nul))] = dec.decode(data.subarray(i));
    }
    if (type === 'IEND') break;
    pos += 12 + len;
  }
  return out;
}
