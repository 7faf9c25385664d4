import { writePsdUint8Array, type Layer } from 'ag-psd';
import { compositeTree, type BlobReader, type DocNode, type DocumentTree, type LayerPixelReader, type RgbaImage, type TextLayer } from '@strata/document';
import { ensureAgPsd } from './agPsd.js';
import { toPsdBlendMode } from './blendModeNames.js';
import { parseHexColor } from './color.js';
import { ExportError } from './errors.js';
import { layerPixelReader } from './layerReader.js';
import { runLimited } from './runLimited.js';
import { walkLayers } from './walkLayers.js';
import { cropImage, opaqueBounds } from './trimTransparent.js';

/**
 * Writes a layered PSD (8-bit RGB): groups as folders with their open state, raster layers cropped to their opaque
 * pixels at their offsets, text layers as editable type layers (with their rendering as preview), names, opacity,
 * blend modes, hidden and locked flags, and the flattened composite so composite-only viewers show the image.
 */
export async function exportPsd(tree: DocumentTree, readBlob: BlobReader): Promise<Uint8Array> {
  ensureAgPsd();
  // ag-psd needs every layer's pixels at once anyway, so each layer is decoded once (four at a time, on sharp's
  // threads) and reused for the composite
  const decode = layerPixelReader(readBlob);
  const decoded = new Map<string, RgbaImage>();
  await runLimited([...walkLayers(tree.children)].map(({ layer }) => async () => {
    decoded.set(layer.id, await decode(layer));
  }), 4);
  const read: LayerPixelReader = async (layer) => {
    const img = decoded.get(layer.id);
    if (!img) throw new ExportError(`layer ${layer.id} was not decoded`);
    return img;
  };
  const children: Layer[] = [];
  for (const node of tree.children) children.push(await toPsdLayer(node, read));
  const composite = await compositeTree(tree, read);
  decoded.clear();
  return writePsdUint8Array({ width: tree.width, height: tree.height, children, imageData: composite }, { noBackground: true });
}

async function toPsdLayer(node: DocNode, read: LayerPixelReader): Promise<Layer> {
  const base: Layer = {
    name: node.name,
    hidden: !node.visible,
    opacity: node.opacity,
    blendMode: toPsdBlendMode(node.blendMode),
    ...(node.locked ? { protected: { transparency: true, composite: true, position: true } } : {}),
  };
  if (node.type === 'group') {
    const children: Layer[] = [];
    for (const child of node.children) children.push(await toPsdLayer(child, read));
    return { ...base, opened: node.expanded, children };
  }
  const pixels = await read(node);
  const x = Math.round(node.x); const y = Math.round(node.y);
  if (node.kind === 'text') {
    // text layers keep their full box so the type bounds and the preview line up
    return { ...base, left: x, top: y, imageData: pixels, text: psdText(node, x, y) };
  }
  const bounds = opaqueBounds(pixels);
  if (!bounds) return { ...base, left: x, top: y, right: x, bottom: y };
  return { ...base, left: x + bounds.x, top: y + bounds.y, imageData: cropImage(pixels, bounds) };
}

function psdText(node: TextLayer, x: number, y: number): NonNullable<Layer['text']> {
  const { text } = node;
  return {
    text: text.content.replace(/\r\n?/g, '\n'),
    transform: [1, 0, 0, 1, x, y],
    shapeType: 'box',
    boxBounds: [0, 0, node.width, node.height],
    antiAlias: 'smooth',
    style: { font: { name: text.fontFamily }, fontSize: text.fontSize, fillColor: parseHexColor(text.color), autoLeading: true },
    paragraphStyle: { justification: text.align },
  };
}
