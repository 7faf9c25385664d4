import { initializeCanvas } from 'ag-psd';

type ImageDataLike = ReturnType<NonNullable<Parameters<typeof initializeCanvas>[1]>>;

let initialised = false;

/** ag-psd needs an ImageData factory; we never use canvases (`useImageData: true` everywhere). */
export function ensureAgPsd(): void {
  if (initialised) return;
  initialised = true;
  initializeCanvas(
    () => { throw new Error('ag-psd asked for a canvas; Strata reads and writes image data only'); },
    (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' }) as unknown as ImageDataLike,
  );
}
