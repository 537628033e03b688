/**
 * PNG exports that stand alone: the chart image under a header with its title, the filters, the
 * unit and what it rests on (n), drawn into the pixels, and the same text stored in the file as
 * `iTXt` chunks (`Title`, `Description`) that image viewers and scripts can read (`png-text.ts`).
 */
import { withPngText } from './png-text';

/** What the header of an exported chart says. */
export interface PngCaption {
  title: string;
  /** Lines under the title: filters, unit, n, date. */
  lines: readonly string[];
}

/**
 * Draw `chartUrl` (a PNG data URL at `pixelRatio`) under a header with the caption, and return PNG
 * bytes carrying the caption as text chunks too.
 */
export async function captionedPng(chartUrl: string, caption: PngCaption, pixelRatio: number, font: string): Promise<Uint8Array> {
  const img = new Image();
  img.src = chartUrl;
  await img.decode();
  const pad = 16 * pixelRatio;
  const titleSize = 18 * pixelRatio;
  const lineSize = 12 * pixelRatio;
  const header = pad + titleSize + caption.lines.length * (lineSize * 1.5) + pad / 2;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height + header;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#0f172a';
  ctx.font = `bold ${titleSize}px ${font}`;
  ctx.fillText(caption.title, pad, pad, canvas.width - 2 * pad);
  ctx.fillStyle = '#475569';
  ctx.font = `${lineSize}px ${font}`;
  caption.lines.forEach((l, i) => ctx.fillText(l, pad, pad + titleSize + lineSize * 0.5 + i * lineSize * 1.5, canvas.width - 2 * pad));
  ctx.drawImage(img, 0, header);
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return withPngText(bytes, { Title: caption.title, Description: caption.lines.join('\n') });
}
