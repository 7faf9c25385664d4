/** The upper median of `values` (0 when empty). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/** Per-channel median RGB of the pixels (indices into `data`, 4 bytes each). */
export function medianColour(data: Uint8ClampedArray, pixels: number[]): number[] {
  return [0, 1, 2].map((c) => median(pixels.map((i) => data[i * 4 + c]!)));
}
