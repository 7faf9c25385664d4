import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { compositeAll } from './alphaComposite.js';
import type { CanvasLayer, LayerSet } from './layerSet.js';
import { Rng } from './rng.js';
import type { Rgba } from './rgba.js';
import type { BackgroundSpec, ElementSpec, SceneSpec, Shadow } from './sceneSpec.js';

export interface RenderedScene extends LayerSet {
  /** The flattened design: the composite of the ground-truth layers (opaque). */
  input: Rgba;
  /** The spec as rendered (text colours adjusted for legibility). */
  spec: SceneSpec;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function rasterSvg(svg: string, width: number, height: number): Promise<Rgba> {
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height || info.channels !== 4) {
    throw new Error(`SVG rendered as ${info.width}x${info.height}x${info.channels}, wanted ${width}x${height}x4`);
  }
  return { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}

/** Splits an SVG file into its root attributes and inner markup so it can be nested in our canvas SVG. */
function parseSvg(path: string): { viewBox: string; attrs: Record<string, string>; inner: string } {
  const src = readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const open = /<svg\b([^>]*)>/.exec(src);
  if (!open) throw new Error(`${path}: no <svg> root`);
  const attrs: Record<string, string> = {};
  for (const m of open[1]!.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) attrs[m[1]!] = m[2]!;
  const inner = src.slice(open.index + open[0].length, src.lastIndexOf('</svg>'));
  return { viewBox: attrs.viewBox ?? `0 0 ${attrs.width ?? 24} ${attrs.height ?? 24}`, attrs, inner };
}

function shadowFilter(s: Shadow | undefined): { defs: string; ref: string } {
  if (!s) return { defs: '', ref: '' };
  return {
    defs: `<filter id="sh" x="-50%" y="-50%" width="200%" height="200%"><feDropShadow dx="${s.dx}" dy="${s.dy}" stdDeviation="${s.blur.toFixed(2)}" flood-color="#000" flood-opacity="${s.opacity.toFixed(3)}"/></filter>`,
    ref: ' filter="url(#sh)"',
  };
}

function elementMarkup(e: ElementSpec): string {
  switch (e.kind) {
    case 'object': {
      const svg = parseSvg(e.path);
      const cx = e.x + e.size / 2;
      const cy = e.y + e.size / 2;
      const body =
        e.asset === 'icon'
          ? `<g fill="none" stroke="${e.color}" stroke-width="${svg.attrs['stroke-width'] ?? 2}" stroke-linecap="round" stroke-linejoin="round">${svg.inner}</g>`
          : svg.inner;
      return `<g transform="rotate(${e.rotation.toFixed(2)} ${cx} ${cy})"><svg x="${e.x}" y="${e.y}" width="${e.size}" height="${e.size}" viewBox="${svg.viewBox}">${body}</svg></g>`;
    }
    case 'shape': {
      const { x, y, width: w, height: h, fill } = e;
      switch (e.shape) {
        case 'rect':
          return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`;
        case 'roundrect':
          return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${Math.round(Math.min(w, h) * 0.15)}" fill="${fill}"/>`;
        case 'ellipse':
          return `<ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w / 2}" ry="${h / 2}" fill="${fill}"/>`;
        default: {
          const never: never = e.shape;
          throw new Error(`unknown shape ${String(never)}`);
        }
      }
    }
    case 'text':
      return `<text x="${e.x}" y="${e.y}" font-family="${esc(e.font)}" font-size="${e.size}" font-weight="${e.weight}" fill="${e.color}">${esc(e.content)}</text>`;
    default: {
      const never: never = e;
      throw new Error(`unknown element ${JSON.stringify(never)}`);
    }
  }
}

async function renderElement(e: ElementSpec, width: number, height: number): Promise<Rgba> {
  const sh = shadowFilter(e.shadow);
  const opacity = e.kind === 'text' ? 1 : e.opacity;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${sh.defs}</defs><g opacity="${opacity.toFixed(3)}"${sh.ref}>${elementMarkup(e)}</g></svg>`;
  return rasterSvg(svg, width, height);
}

async function renderBackground(b: BackgroundSpec, width: number, height: number, seed: number): Promise<Rgba> {
  let img: Rgba;
  if (b.source === 'file') {
    const meta = await sharp(b.path).metadata();
    const fw = meta.width ?? width;
    const fh = meta.height ?? height;
    const aspect = width / height;
    let cw = b.scale * fw;
    let ch = cw / aspect;
    if (ch > fh) {
      ch = b.scale * fh;
      cw = ch * aspect;
    }
    cw = Math.max(1, Math.min(fw, Math.round(cw)));
    ch = Math.max(1, Math.min(fh, Math.round(ch)));
    const left = Math.floor(b.left * (fw - cw));
    const top = Math.floor(b.top * (fh - ch));
    const { data } = await sharp(b.path)
      .extract({ left, top, width: cw, height: ch })
      .resize(width, height, { fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    img = { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
  } else {
    const rad = (b.angle * Math.PI) / 180;
    const x2 = 50 + 50 * Math.cos(rad);
    const y2 = 50 + 50 * Math.sin(rad);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="${100 - x2}%" y1="${100 - y2}%" x2="${x2}%" y2="${y2}%"><stop offset="0" stop-color="${b.from}"/><stop offset="1" stop-color="${b.to}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
    img = await rasterSvg(svg, width, height);
    const rng = new Rng(seed);
    const amp = b.noise * 255;
    for (let i = 0; i < img.data.length; i += 4) {
      const n = (rng.next() - 0.5) * amp;
      img.data[i] = img.data[i]! + n;
      img.data[i + 1] = img.data[i + 1]! + n;
      img.data[i + 2] = img.data[i + 2]! + n;
    }
  }
  for (let i = 3; i < img.data.length; i += 4) img.data[i] = 255;
  return img;
}

function layerName(e: ElementSpec, i: number): string {
  switch (e.kind) {
    case 'object':
      return `${e.asset} ${e.path.split('/').pop()!.replace(/\.svg$/, '')}`;
    case 'shape':
      return `${e.shape} ${i}`;
    case 'text':
      return e.content;
    default: {
      const never: never = e;
      return String(never);
    }
  }
}

function luminance(r: number, g: number, b: number): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Mean luminance of `under` where `mask` has alpha > 0 (the composite beneath a text layer). */
function meanLuminanceUnder(under: Rgba, mask: Rgba): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < mask.data.length; i += 4) {
    if (mask.data[i + 3]! < 128) continue;
    sum += luminance(under.data[i]!, under.data[i + 1]!, under.data[i + 2]!);
    n++;
  }
  return n > 0 ? sum / n : 0.5;
}

/** Keeps the hue of `color` and moves its lightness away from the backdrop so the text stays legible. */
function contrastColour(color: string, backdropLum: number): string {
  const v = [1, 3, 5].map((k) => parseInt(color.slice(k, k + 2), 16));
  const target = backdropLum > 0.5 ? 0.12 : 0.9;
  const l = luminance(v[0]!, v[1]!, v[2]!);
  const out = v.map((c) => (target < l ? c * (target / Math.max(l, 0.01)) : c + (255 - c) * ((target - l) / Math.max(1 - l, 0.01))));
  return `#${out.map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** Renders a scene's ground-truth layers (full canvas, bottom to top) and their composite. */
export async function renderScene(spec: SceneSpec, seed = 0): Promise<RenderedScene> {
  const { width, height } = spec;
  const layers: CanvasLayer[] = [{ name: 'background', kind: 'background', rgba: await renderBackground(spec.background, width, height, seed) }];
  const elements = spec.elements.slice();
  for (const [i, spec0] of spec.elements.entries()) {
    let e = spec0;
    let rgba = await renderElement(e, width, height);
    if (e.kind === 'text') {
      // Legibility, as a designer would ensure: re-colour text against what lies beneath it.
      const below = compositeAll(layers.map((l) => l.rgba));
      const colour = contrastColour(e.color, meanLuminanceUnder(below, rgba));
      if (colour !== e.color) {
        e = { ...e, color: colour };
        rgba = await renderElement(e, width, height);
      }
      elements[i] = e;
    }
    layers.push({ name: layerName(e, i), kind: e.kind === 'text' ? 'text' : 'object', rgba, text: e.kind === 'text' ? e.content : undefined });
  }
  return { width, height, layers, input: compositeAll(layers.map((l) => l.rgba)), spec: { ...spec, elements } };
}
