import pptxgenjs from 'pptxgenjs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { BlobReader, DocumentTree } from '@strata/document';
import { ExportError } from './errors.js';
import { decodePng, encodePng } from './png.js';
import { walkLayers } from './walkLayers.js';

// The package's types are CommonJS-shaped while Node loads its ES build, whose default export is the class.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;

/** The slide's longer side in inches (PowerPoint's widescreen slide is 13.333 in wide). */
const LONG_SIDE_IN = 10;

/**
 * One slide sized to the canvas aspect; every visible raster layer a picture at its position and size, every
 * visible text layer a real text box (font, size, colour, alignment), bottom to top, so the stacking order is kept.
 * PPTX has no layer blend modes: layers are drawn normally. Opacity (with the groups') goes into the picture's
 * alpha and the text's transparency. Text boxes do not wrap (their string's own line breaks are kept), so a font
 * that sets a little wider than the preview overflows the box instead of breaking onto a new line.
 */
export async function exportPptx(tree: DocumentTree, readBlob: BlobReader): Promise<Uint8Array> {
  const inPerPx = LONG_SIDE_IN / Math.max(tree.width, tree.height);
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'STRATA', width: tree.width * inPerPx, height: tree.height * inPerPx });
  pptx.layout = 'STRATA';
  const slide = pptx.addSlide();
  const pictures = new Map<string, Uint8Array>();
  slide.background = { color: 'FFFFFF' };
  for (const { layer, ancestors } of walkLayers(tree.children)) {
    if (!layer.visible || ancestors.some((g) => !g.visible)) continue;
    const opacity = ancestors.reduce((o, g) => o * g.opacity, layer.opacity);
    if (opacity <= 0) continue;
    const box = { x: layer.x * inPerPx, y: layer.y * inPerPx, w: layer.width * inPerPx, h: layer.height * inPerPx };
    if (layer.kind === 'text') {
      const t = layer.text;
      slide.addText(t.content, {
        ...box, fontFace: t.fontFamily, fontSize: t.fontSize * inPerPx * 72, color: t.color.replace('#', '').toUpperCase(),
        align: t.align, valign: 'top', margin: 0, fit: 'none', wrap: false,
        ...(opacity < 1 ? { transparency: Math.round((1 - opacity) * 100) } : {}),
      });
    } else {
      let png = await readBlob(layer.blob);
      if (opacity < 1) {
        const img = await decodePng(png);
        for (let i = 3; i < img.data.length; i += 4) img.data[i] = Math.round((img.data[i] ?? 0) * opacity);
        png = await encodePng(img);
      }
      const key = `strata-picture-${pictures.size}`;
      pictures.set(key, png);
      slide.addImage({ ...box, data: `image/png;base64,${Buffer.from(key).toString('base64')}`, altText: layer.name });
    }
  }
  const out = await pptx.write({ outputType: 'uint8array' });
  if (!(out instanceof Uint8Array)) throw new TypeError('pptxgenjs did not return bytes');
  return swapPictures(out, pictures);
}

/**
 * pptxgenjs base64-decodes every picture in JavaScript (seconds for a large deck), so pictures go in as short
 * placeholder strings and the real PNG bytes replace them in the archive afterwards; XML parts are deflated,
 * pictures stored (PNG is already compressed).
 */
function swapPictures(pptx: Uint8Array, pictures: Map<string, Uint8Array>): Uint8Array {
  const files = unzipSync(pptx);
  const zip: Zippable = {};
  let swapped = 0;
  for (const [name, bytes] of Object.entries(files)) {
    const real = bytes.length < 64 ? pictures.get(new TextDecoder().decode(bytes)) : undefined;
    if (real) swapped++;
    zip[name] = real ? [real, { level: 0 }] : [bytes, { level: name.endsWith('/') ? 0 : 6 }];
  }
  if (swapped !== pictures.size) throw new ExportError(`PPTX: ${swapped} of ${pictures.size} pictures found in the archive`);
  return zipSync(zip);
}
