/** Convex hull (counter-clockwise, monotone chain) of points given as flat [x0, y0, x1, y1, ...]. */
export function convexHull(points: number[]): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < points.length; i += 2) pts.push([points[i]!, points[i + 1]!]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: [number, number], a: [number, number], b: [number, number]): number =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Rasterise a convex polygon of pixel coordinates into a w x h mask (pixels whose centre row lies inside). */
export function fillConvex(hull: [number, number][], w: number, h: number): Uint8Array {
  const mask = new Uint8Array(w * h);
  if (hull.length === 0) return mask;
  const ys = hull.map((p) => p[1]);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(h - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < hull.length; i++) {
      const [ax, ay] = hull[i]!;
      const [bx, by] = hull[(i + 1) % hull.length]!;
      if (ay === by) {
        if (ay === y) {
          lo = Math.min(lo, ax, bx);
          hi = Math.max(hi, ax, bx);
        }
        continue;
      }
      if (y < Math.min(ay, by) || y > Math.max(ay, by)) continue;
      const x = ax + ((y - ay) * (bx - ax)) / (by - ay);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (hi < lo) continue;
    for (let x = Math.max(0, Math.ceil(lo - 1e-6)); x <= Math.min(w - 1, Math.floor(hi + 1e-6)); x++) mask[y * w + x] = 1;
  }
  return mask;
}
