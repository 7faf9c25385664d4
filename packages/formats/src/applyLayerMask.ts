import type { LayerMaskData } from 'ag-psd';
import type { RgbaImage } from '@strata/document';

/**
 * Multiplies a PSD user mask into a layer's alpha (our document has no masks). `left`/`top` are the layer's
 * document position; the mask has its own rectangle and a default value outside it. Disabled masks are ignored.
 */
export function applyLayerMask(img: RgbaImage, left: number, top: number, mask: LayerMaskData | undefined): void {
  if (!mask || mask.disabled || !mask.imageData) return;
  const m = mask.imageData;
  const mLeft = mask.left ?? 0; const mTop = mask.top ?? 0;
  const outside = mask.defaultColor ?? 0;
  const d = img.data;
  for (let y = 0; y < img.height; y++) {
    const my = top + y - mTop;
    for (let x = 0; x < img.width; x++) {
      const mx = left + x - mLeft;
      const v = mx >= 0 && my >= 0 && mx < m.width && my < m.height ? Number(m.data[(my * m.width + mx) * 4]) : outside;
      if (v === 255) continue;
      const i = (y * img.width + x) * 4 + 3;
      d[i] = Math.round((d[i]! * v) / 255);
    }
  }
}
