/** "This object gets its own layer": a point on it or a box around it, in image pixels. */
export type Hint = { x: number; y: number } | { x: number; y: number; width: number; height: number };

export function isBoxHint(hint: Hint): hint is { x: number; y: number; width: number; height: number } {
  return 'width' in hint;
}

/** A hint is valid when it lies inside the image (a box must overlap it with positive size). */
export function hintInside(hint: Hint, width: number, height: number): boolean {
  const finite = Object.values(hint).every((v) => Number.isFinite(v));
  if (!finite) return false;
  if (isBoxHint(hint)) {
    return hint.width > 0 && hint.height > 0 && hint.x >= 0 && hint.y >= 0 &&
      hint.x + hint.width <= width && hint.y + hint.height <= height;
  }
  return hint.x >= 0 && hint.y >= 0 && hint.x < width && hint.y < height;
}
