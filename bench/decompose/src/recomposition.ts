import type { Rgba } from './rgba.js';

export interface Recomposition {
  /** PSNR over RGBA, colour premultiplied by alpha (Infinity when equal). */
  psnr: number;
  /** Share of pixels whose every channel is within 2 levels. */
  within2: number;
  maxError: number;
}

/** How closely a composite of predicted layers reproduces the input (the acceptance: ≥ 50 dB, ≥ 99.9 % within 2). */
export function recomposition(composite: Rgba, input: Rgba): Recomposition {
  const a = composite.data;
  const b = input.data;
  let se = 0;
  let within = 0;
  let maxError = 0;
  const n = input.width * input.height;
  for (let i = 0; i < a.length; i += 4) {
    let worst = Math.abs(a[i + 3]! - b[i + 3]!);
    se += worst * worst;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs((a[i + c]! * a[i + 3]! - b[i + c]! * b[i + 3]!) / 255);
      se += d * d;
      worst = Math.max(worst, d);
    }
    if (worst <= 2) within++;
    maxError = Math.max(maxError, worst);
  }
  const mse = se / (n * 4);
  return { psnr: mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse), within2: within / n, maxError };
}
