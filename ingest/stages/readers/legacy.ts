/**
 * Old office formats under their usual extensions. Many `.doc` files collected from Chinese sites are
 * really a .docx or a web page saved with a .doc name: those are read as what they are. True binary
 * Word / WPS documents and RTF are refused with a reason that says what to do.
 */
import type { ReadResult } from '../read';
import { readDocx } from './docx';
import { readHtml } from './html';

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);

/** Read a `.doc`/`.wps`/`.rtf` when it is a .docx or HTML in disguise; otherwise a skip reason naming the format. */
export function refuseLegacyOffice(bytes: Uint8Array, ext: string): ReadResult {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readDocx(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<html') || head.startsWith('<!doctype html')) return readHtml(bytes);
  if (head.startsWith('{\\rtf')) return { ok: false, reason: `RTF (${ext}) is not read: save it as .docx or .txt` };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    const kind = ext === '.wps' ? 'WPS Office binary document' : 'old binary Word document';
    return { ok: false, reason: `${kind} (${ext}) is not read: save it as .docx or .txt` };
  }
  return { ok: false, reason: `unrecognised ${ext} file: not a Word, WPS or RTF document` };
}
