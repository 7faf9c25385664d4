import type { BlobReader, LayerNode, LayerPixelReader, RgbaImage } from '@strata/document';
import { ExportError } from './errors.js';
import { decodePng } from './png.js';

/** Turns a blob reader into a pixel reader for layers, checking that the PNG has the node's size. */
export function layerPixelReader(readBlob: BlobReader): LayerPixelReader {
  return async (layer: LayerNode): Promise<RgbaImage> => {
    let bytes: Uint8Array;
    try {
      bytes = await readBlob(layer.blob);
    } catch (cause) {
      throw new ExportError(`layer "${layer.name}" (${layer.id}): blob ${layer.blob} cannot be read`, { cause });
    }
    const img = await decodePng(bytes);
    if (img.width !== layer.width || img.height !== layer.height) {
      throw new ExportError(`layer "${layer.name}" (${layer.id}): blob is ${img.width}x${img.height}, node says ${layer.width}x${layer.height}`);
    }
    return img;
  };
}
