import type { RgbaImage } from '../image.js';
import type { LayerPlan } from './LayerPlan.js';

/** Pieces larger than this share of the frame are objects in their own right, never joined. */
const MAX_PIECE_SHARE = 0.03;
/** Largest difference (any channel) between the median colours of two pieces of one object. */
const MAX_COLOR_STEP = 40;
/** Largest gap between the boxes of two pieces, as a share of the smaller piece's longer side... */
const MAX_GAP_SHARE = 0.35;
/** ...and at least this many pixels. */
const MIN_GAP = 6;

interface Piece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  n: number;
  color: [number, number, number];
}

/**
 * Joins the pieces of one single-coloured object that the matte cut apart (the strokes of an icon, the tiles of a
 * logo): small components whose median colours match and whose boxes nearly touch become one plan, kept at the
 * place of their largest piece. Order and every other plan are unchanged.
 */
export function joinPieces(plans: LayerPlan[], image: RgbaImage): LayerPlan[] {
  const { width: w, height: h } = image;
  const pieces = plans.map((p) => (p.kind === 'object' && !p.forced ? describe(p.alpha, image) : undefined));
  const parent = plans.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  for (let a = 0; a < plans.length; a++) {
    for (let b = a + 1; b < plans.length; b++) {
      const pa = pieces[a];
      const pb = pieces[b];
      if (!pa || !pb || pa.n > MAX_PIECE_SHARE * w * h || pb.n > MAX_PIECE_SHARE * w * h) continue;
      if (Math.max(...[0, 1, 2].map((c) => Math.abs(pa.color[c]! - pb.color[c]!))) > MAX_COLOR_STEP) continue;
      const gap = Math.max(pa.x0 - pb.x1, pb.x0 - pa.x1, pa.y0 - pb.y1, pb.y0 - pa.y1, 0);
      const side = Math.min(Math.max(pa.x1 - pa.x0, pa.y1 - pa.y0), Math.max(pb.x1 - pb.x0, pb.y1 - pb.y0)) + 1;
      if (gap > Math.max(MIN_GAP, MAX_GAP_SHARE * side)) continue;
      parent[find(b)] = find(a);
    }
  }
  const out: LayerPlan[] = [];
  const at = new Map<number, LayerPlan>();
  plans.forEach((plan, k) => {
    const root = find(k);
    const joined = at.get(root);
    if (!joined) {
      const copy = { ...plan, alpha: root === k && parent.some((r, j) => j !== k && find(j) === k) ? Float32Array.from(plan.alpha) : plan.alpha };
      at.set(root, copy);
      out.push(copy);
      return;
    }
    joined.alpha.forEach((v, i) => (joined.alpha[i] = Math.max(v, plan.alpha[i]!)));
    joined.confidence = Math.min(joined.confidence, plan.confidence);
  });
  return out;
}

function describe(alpha: Float32Array, image: RgbaImage): Piece | undefined {
  const { width: w, data } = image;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  let n = 0;
  const hist = new Uint32Array(3 * 256);
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= 0.5) continue;
    const x = i % w;
    const y = (i - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    n++;
    for (let c = 0; c < 3; c++) hist[c * 256 + data[i * 4 + c]!]!++;
  }
  if (n === 0) return undefined;
  const median = (c: number): number => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += hist[c * 256 + v]!) > n >> 1) return v;
    return 255;
  };
  return { x0, y0, x1, y1, n, color: [median(0), median(1), median(2)] };
}
