// Test and benchmark helper: rasterises text lines with sharp (librsvg + fontconfig system fonts).
import sharp from 'sharp';
import type { RgbaImage } from '../image.js';

export interface TextLineSpec {
  text: string;
  x: number;
  /** Baseline y. */
  y: number;
  fontSize: number;
  fontFamily: string;
  fill: string;
  fontWeight?: 'normal' | 'bold';
  fontStyle?: 'normal' | 'italic';
  /** Extra px between letters. */
  letterSpacing?: number;
  /** An outline around the glyphs. */
  stroke?: { color: string; width: number };
  /** Counter-clockwise tilt in degrees around the line's start point. */
  rotate?: number;
}

export interface TextImageSpec {
  width: number;
  height: number;
  /** SVG markup painted before the text (e.g. a gradient rect); defaults to a white background. */
  background?: string;
  lines: TextLineSpec[];
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function textImageSvg(spec: TextImageSpec): string {
  const bg = spec.background ?? '<rect width="100%" height="100%" fill="#ffffff"/>';
  const lines = spec.lines.map(
    (l) =>
      `<text x="${l.x}" y="${l.y}" font-family="${escapeXml(l.fontFamily)}" font-size="${l.fontSize}" ` +
      `font-weight="${l.fontWeight ?? 'normal'}" font-style="${l.fontStyle ?? 'normal'}" fill="${l.fill}" ` +
      (l.letterSpacing ? `letter-spacing="${l.letterSpacing}" ` : '') +
      (l.stroke ? `stroke="${l.stroke.color}" stroke-width="${l.stroke.width}" paint-order="stroke" ` : '') +
      (l.rotate ? `transform="rotate(${-l.rotate} ${l.x} ${l.y})" ` : '') +
      `xml:space="preserve">${escapeXml(l.text)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}">${bg}${lines.join('')}</svg>`;
}

export async function renderTextImage(spec: TextImageSpec): Promise<RgbaImage> {
  const { data, info } = await sharp(Buffer.from(textImageSvg(spec))).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}
