import type { DocNode, DocumentTree, LayerNode } from '../types.js';
import type { RgbaImage } from './RgbaImage.js';
import { canvasToImage, createCanvas, drawCanvas, drawImage, type Canvas } from './Canvas.js';

/** Gives the decoded pixels of a layer (its `blob`, width × height). Decoding PNG is the caller's business. */
export type LayerPixelReader = (layer: LayerNode) => Promise<RgbaImage>;

/**
 * Flattens a document into one straight-alpha RGBA image of the canvas size.
 * Hidden nodes are skipped; a group is composited in isolation and then drawn with its opacity and blend mode;
 * layers are drawn at their (x, y) with their opacity and blend mode (W3C compositing, source-over).
 * Layers are decoded one at a time, so memory is the canvas (plus one per open group level) and one layer.
 */
export async function compositeTree(tree: DocumentTree, readPixels: LayerPixelReader): Promise<RgbaImage> {
  const canvas = createCanvas(tree.width, tree.height);
  await drawNodes(canvas, tree.children, readPixels);
  return canvasToImage(canvas);
}

async function drawNodes(target: Canvas, nodes: DocNode[], readPixels: LayerPixelReader): Promise<void> {
  for (const node of nodes) {
    if (!node.visible || node.opacity <= 0) continue;
    if (node.type === 'group') {
      const group = createCanvas(target.width, target.height);
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
