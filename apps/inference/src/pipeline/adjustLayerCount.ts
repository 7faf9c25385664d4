import type { RgbaImage } from '../image.js';
import { borderMedian } from '../objects/ContrastMatter.js';
import { planArea, planBounds, type LayerPlan } from './LayerPlan.js';

/**
 * Merge plans until at most `max` remain: the smallest unforced plan joins its nearest plan (same kind first), at
 * the upper of the two positions; a plan with no partner goes back into the background.
 */
export function mergePlans(plans: LayerPlan[], max: number, width: number): LayerPlan[] {
  const out = [...plans];
  while (out.length > Math.max(0, max)) {
    const pool = out.some((p) => !p.forced) ? out.filter((p) => !p.forced) : out;
    const areas = new Map(pool.map((p) => [p, planArea(p)]));
    const victim = pool.reduce((a, b) => (areas.get(b)! < areas.get(a)! ? b : a));
    const others = out.filter((p) => p !== victim);
    if (others.length === 0) {
      out.splice(out.indexOf(victim), 1);
      continue;
    }
    const vb = planBounds(victim.alpha, width);
    const gap = (p: LayerPlan): number => {
      const b = planBounds(p.alpha, width);
      if (!vb || !b) return Infinity;
      const dx = Math.max(0, b.x0 - vb.x1, vb.x0 - b.x1);
      const dy = Math.max(0, b.y0 - vb.y1, vb.y0 - b.y1);
      return Math.hypot(dx, dy) + (p.kind === victim.kind ? 0 : 1e6);
    };
    const partner = others.reduce((a, b) => (gap(b) < gap(a) ? b : a));
    const alpha = Float32Array.from(partner.alpha);
    victim.alpha.forEach((v, i) => (alpha[i] = Math.max(alpha[i]!, v)));
    const shadow = (partner.shadow ?? victim.shadow) ? Float32Array.from(alpha, (_, i) => Math.max(partner.shadow?.[i] ?? 0, victim.shadow?.[i] ?? 0)) : undefined;
    const bothText = victim.kind === 'text' && partner.kind === 'text';
    const merged: LayerPlan = {
      ...partner,
      alpha,
      ...(shadow ? { shadow } : {}),
      kind: bothText ? 'text' : 'object',
      fill: victim.fill === 'patch' || partner.fill === 'patch' ? 'patch' : 'diffusion',
      forced: partner.forced || victim.forced,
      confidence: Math.min(partner.confidence, victim.confidence),
      ...(bothText && partner.text && victim.text
        ? { text: { ...partner.text, content: [partner.text.content, victim.text.content].join('\n') } }
        : { text: undefined }),
    };
    if (!bothText) delete merged.text;
    const iv = out.indexOf(victim);
    const ip = out.indexOf(partner);
    out[Math.max(iv, ip)] = merged;
    out.splice(Math.min(iv, ip), 1);
  }
  return out;
}

/**
 * Last-resort split to reach an exact layer count: the largest plan is cut in two at the median of its mass along
 * its longer side; with no plans, the pixels least like the background's border colour become a region layer, or
 * else the right half of the image.
 */
export function splitPlans(plans: LayerPlan[], min: number, image: RgbaImage): LayerPlan[] {
  const { width: w, height: h } = image;
  const out = [...plans];
  let guard = 0;
  while (out.length < min && guard++ < 64) {
    if (out.length === 0) {
      out.push(regionPlan(image));
      continue;
    }
    const largest = out.reduce((a, b) => (planArea(b) > planArea(a) ? b : a));
    const bounds = planBounds(largest.alpha, w);
    const horizontal = bounds ? bounds.x1 - bounds.x0 >= bounds.y1 - bounds.y0 : true;
    const mass = horizontal ? new Float64Array(w) : new Float64Array(h);
    largest.alpha.forEach((v, i) => (mass[horizontal ? i % w : Math.floor(i / w)]! += v));
    const total = mass.reduce((s, v) => s + v, 0);
    let cut = 0;
    for (let acc = 0; cut < mass.length && acc + mass[cut]! < total / 2; cut++) acc += mass[cut]!;
    cut = Math.max(1, cut);
    const a = new Float32Array(w * h);
    const b = new Float32Array(w * h);
    largest.alpha.forEach((v, i) => {
      const pos = horizontal ? i % w : Math.floor(i / w);
      if (pos < cut) a[i] = v;
      else b[i] = v;
    });
    const at = out.indexOf(largest);
    // the lower part keeps the drop shadow; the upper part stands on it
    const upper = { ...largest };
    delete upper.shadow;
    out.splice(at, 1, { ...largest, alpha: a, name: `${largest.name} (part 1)` }, {
      ...upper,
      alpha: b,
      name: `${largest.name} (part 2)`,
    });
  }
  return out;
}

function regionPlan(image: RgbaImage): LayerPlan {
  const bg = borderMedian(image);
  const { data } = image;
  const size = image.width * image.height;
  const distance = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    distance[i] = Math.hypot(data[i * 4]! - bg[0], data[i * 4 + 1]! - bg[1], data[i * 4 + 2]! - bg[2]);
  }
  const sorted = Float32Array.from(distance).sort();
  const threshold = Math.max(16, sorted[Math.floor(size * 0.8)]!);
  const alpha = new Float32Array(size);
  let any = false;
  for (let i = 0; i < size; i++) {
    if (distance[i]! >= threshold && data[i * 4 + 3]! > 0) {
      alpha[i] = 1;
      any = true;
    }
  }
  if (!any) for (let i = 0; i < size; i++) if (i % image.width >= image.width / 2) alpha[i] = 1;
  return { name: 'Region', kind: 'object', alpha, fill: 'patch', confidence: 0.1, forced: false };
}
