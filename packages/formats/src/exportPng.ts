import { compositeTree, type BlobReader, type DocumentTree } from '@strata/document';
import { layerPixelReader } from './layerReader.js';
import { encodePng } from './png.js';

/** The flattened document as one RGBA PNG of the canvas size. */
export async function exportPng(tree: DocumentTree, readBlob: BlobReader): Promise<Uint8Array> {
  return encodePng(await compositeTree(tree, layerPixelReader(readBlob)));
}
