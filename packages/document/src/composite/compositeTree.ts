import type { DocNode, DocumentTree, LayerNode } from '../types.js';
import type { RgbaImage } from './RgbaImage.js';
import { canvasToImage, createCanvas, drawCanvas, drawImage, type Canvas } from './Canvas.js';

/** Gives the decoded pixels of a layer (its `blob`, width × height). Decoding PNG is the caller's business. */
export type LayerPixelReader = (layer: LayerNode) => Promise<RgbaImage>;

interface Bounds { x0: number; y0: number; x1: number; y1: number }

/**
 * Flattens a document into one straight-alpha RGBA image of the canvas size.
 * Hidden nodes are skipped; a group is composited in isolation (on a surface covering its visible children) and
 * then drawn with its opacity and blend mode; layers are drawn at their (x, y) with their opacity and blend mode
 * (W3C compositing, source-over). Layers are decoded one at a time, so memory is the canvas, one surface per open
 * group level and one layer.
 */
export async function compositeTree(tree: DocumentTree, readPixels: LayerPixelReader): Promise<RgbaImage> {
  const canvas = createCanvas(0, 0, tree.width, tree.height);
  await drawNodes(canvas, tree.children, prefetching(tree.children, readPixels));
  return canvasToImage(canvas);
}

/**
 * Reads the next visible layer while the current one is being drawn (decoding usually runs off the main thread),
 * so at most two layers are held at once.
 */
function prefetching(nodes: DocNode[], readPixels: LayerPixelReader): LayerPixelReader {
  const order: LayerNode[] = [];
  const collect = (ns: DocNode[]) => {
    for (const n of ns) {
      if (!n.visible || n.opacity <= 0) continue;
      if (n.type === 'group') collect(n.children);
      else order.push(n);
    }
  };
  collect(nodes);
  const started = new Map<LayerNode, Promise<RgbaImage>>();
  let position = 0;
  return (layer) => {
    const current = started.get(layer) ?? readPixels(layer);
    started.delete(layer);
    while (position < order.length && order[position] !== layer) position++;
    const next = order[++position];
    if (next && !started.has(next)) {
      const p = readPixels(next);
      p.catch(() => {}); // surfaced when the layer is asked for
      started.set(next, p);
    }
    return current;
  };
}

async function drawNodes(target: Canvas, nodes: DocNode[], readPixels: LayerPixelReader): Promise<void> {
  for (const node of nodes) {
    if (!node.visible || node.opacity <= 0) continue;
    if (node.type === 'group') {
      if (node.opacity === 1 && node.blendMode === 'normal' && node.children.every((c) => c.blendMode === 'normal')) {
        // source-over is associative: an opaque normal group of normal children needs no surface of its own
        await drawNodes(target, node.children, readPixels);
        continue;
      }
      const b = visibleBounds(node.children, {
        x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity,
      });
      const x0 = Math.max(b.x0, target.x); const y0 = Math.max(b.y0, target.y);
      const x1 = Math.min(b.x1, target.x + target.width); const y1 = Math.min(b.y1, target.y + target.height);
      if (x1 <= x0 || y1 <= y0) continue;
      const group = createCanvas(x0, y0, x1 - x0, y1 - y0);
      await drawNodes(group, node.children, readPixels);
      drawCanvas(target, group, node.opacity, node.blendMode);
    } else {
      const pixels = await readPixels(node);
      if (pixels.width !== node.width || pixels.height !== node.height) {
        throw new RangeError(`layer ${node.id}: pixels are ${pixels.width}x${pixels.height}, node says ${node.width}x${node.height}`);
      }
      drawImage(target, pixels, Math.round(node.x), Math.round(node.y), node.opacity, node.blendMode);
    }
  }
}

function visibleBounds(nodes: DocNode[], b: Bounds): Bounds {
  for (const n of nodes) {
    if (!n.visible || n.opacity <= 0) continue;
    if (n.type === 'group') visibleBounds(n.children, b);
    else {
      const x = Math.round(n.x); const y = Math.round(n.y);
      b.x0 = Math.min(b.x0, x); b.y0 = Math.min(b.y0, y);
      b.x1 = Math.max(b.x1, x + n.width); b.y1 = Math.max(b.y1, y + n.height);
    }
  }
  return b;
}
