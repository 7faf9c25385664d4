import { FONT_FAMILIES, type AssetCatalog } from './assets.js';
import { Rng } from './rng.js';

export interface Shadow {
  dx: number;
  dy: number;
  blur: number;
  opacity: number;
}

export type BackgroundSpec =
  | { source: 'file'; path: string; /** crop window as fractions of the file's size */ left: number; top: number; scale: number }
  | { source: 'gradient'; from: string; to: string; angle: number; noise: number };

export type ElementSpec =
  | { kind: 'object'; asset: 'emoji' | 'icon'; path: string; x: number; y: number; size: number; rotation: number; color: string; opacity: number; shadow?: Shadow }
  | { kind: 'shape'; shape: 'rect' | 'roundrect' | 'ellipse'; x: number; y: number; width: number; height: number; fill: string; opacity: number; shadow?: Shadow }
  | { kind: 'text'; content: string; font: string; weight: 'normal' | 'bold'; size: number; color: string; x: number; y: number; shadow?: Shadow };

/** A synthetic layered design: the background, then the elements bottom to top, one ground-truth layer each. */
export interface SceneSpec {
  id: string;
  width: number;
  height: number;
  background: BackgroundSpec;
  elements: ElementSpec[];
}

const WORDS = [
  'Summer', 'Sale', 'Grand', 'Opening', 'Fresh', 'Coffee', 'Join', 'us', 'Friday', 'Night', 'Market', 'Design',
  'Studio', 'Free', 'Delivery', 'New', 'Collection', 'Limited', 'Offer', 'Happy', 'Birthday', 'Workshop', 'Today',
  'Garden', 'Party', 'Music', 'Festival', 'Book', 'Club', 'Winter', 'Deals', 'Save', 'Big', 'Welcome', 'Home',
  'Organic', 'Bakery', 'Travel', 'Guide', 'Best', 'Price', 'Open', 'Late', 'Weekend', 'Special', 'Menu', 'Tickets',
];

function hex(rng: Rng, light: boolean | undefined = undefined): string {
  const h = rng.range(0, 360);
  const s = rng.range(0.45, 0.95);
  const l = light === undefined ? rng.range(0.25, 0.75) : light ? rng.range(0.75, 0.92) : rng.range(0.08, 0.3);
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return `#${[f(0), f(8), f(4)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function maybeShadow(rng: Rng, p: number, scale: number): Shadow | undefined {
  if (!rng.chance(p)) return undefined;
  return { dx: Math.round(rng.range(3, 14) * scale), dy: Math.round(rng.range(4, 18) * scale), blur: rng.range(3, 12) * scale, opacity: rng.range(0.3, 0.6) };
}

function textContent(rng: Rng): string {
  const n = rng.int(1, 3);
  const words = Array.from({ length: n }, () => rng.pick(WORDS));
  if (rng.chance(0.2)) words.push(`${rng.int(10, 70)}%`);
  return words.join(' ');
}

/** The spec of scene `index` of the set with `seed`; pure: the same inputs give the same scene. */
export function sceneSpec(seed: number, index: number, assets: AssetCatalog, size?: { width: number; height: number }): SceneSpec {
  const rng = new Rng((seed * 1_000_003 + index * 7919) >>> 0);
  const width = size?.width ?? rng.int(48, 80) * 16;
  const height = size?.height ?? rng.int(48, 80) * 16;
  const unit = Math.min(width, height) / 1000;
  const background: BackgroundSpec =
    assets.backgrounds.length > 0 && rng.chance(0.8)
      ? { source: 'file', path: rng.pick(assets.backgrounds), scale: rng.range(0.35, 1), left: rng.next(), top: rng.next() }
      : { source: 'gradient', from: hex(rng), to: hex(rng), angle: rng.range(0, 360), noise: rng.range(0, 0.2) };
  const elements: ElementSpec[] = [];
  const nonText = rng.int(1, 5);
  const texts = rng.int(1, 2);
  const order = [...Array<'x'>(nonText).fill('x'), ...Array<'t'>(texts).fill('t')];
  // Mostly text on top, as in real designs, but sometimes an object covers text.
  for (let i = order.length - 1; i > 0; i--) {
    if (rng.chance(0.25)) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const textBoxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (const slot of order) {
    if (slot === 't') {
      const content = textContent(rng);
      let fontSize = Math.round(rng.range(36, 110) * unit);
      const widthOf = (size: number): number => content.length * size * 0.6;
      if (widthOf(fontSize) > 0.94 * width) fontSize = Math.floor((0.94 * width) / (content.length * 0.6));
      // Text lines do not overlap each other (designs keep text legible); objects may still cover text.
      let x = 0;
      let y = 0;
      for (let attempt = 0; attempt < 30; attempt++) {
        x = Math.round(rng.range(0.03 * width, Math.max(0.04 * width, width - widthOf(fontSize) - 0.03 * width)));
        y = Math.round(rng.range(fontSize * 1.2, height - fontSize * 0.4));
        const box = { x0: x, x1: x + widthOf(fontSize), y0: y - fontSize, y1: y + fontSize * 0.3 };
        if (!textBoxes.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)) break;
      }
      textBoxes.push({ x0: x - 8, x1: x + widthOf(fontSize) + 8, y0: y - fontSize - 8, y1: y + fontSize * 0.3 + 8 });
      elements.push({
        kind: 'text', content, font: rng.pick(FONT_FAMILIES), weight: rng.chance(0.5) ? 'bold' : 'normal', size: fontSize,
        color: hex(rng), x, y, shadow: maybeShadow(rng, 0.25, unit * 0.5),
      });
      continue;
    }
    const r = rng.next();
    if (r < 0.45 && assets.emoji.length > 0) {
      const sz = Math.round(rng.range(140, 380) * unit);
      elements.push({
        kind: 'object', asset: 'emoji', path: rng.pick(assets.emoji), size: sz, x: Math.round(rng.range(0, width - sz)), y: Math.round(rng.range(0, height - sz)),
        rotation: rng.chance(0.3) ? rng.range(-25, 25) : 0, color: '#000000', opacity: 1, shadow: maybeShadow(rng, 0.5, unit),
      });
    } else if (r < 0.65 && assets.icons.length > 0) {
      const sz = Math.round(rng.range(120, 320) * unit);
      elements.push({
        kind: 'object', asset: 'icon', path: rng.pick(assets.icons), size: sz, x: Math.round(rng.range(0, width - sz)), y: Math.round(rng.range(0, height - sz)),
        rotation: 0, color: hex(rng), opacity: rng.chance(0.3) ? rng.range(0.6, 0.95) : 1, shadow: maybeShadow(rng, 0.3, unit),
      });
    } else {
      const w = Math.round(rng.range(0.15, 0.6) * width);
      const h = Math.round(rng.range(0.1, 0.45) * height);
      elements.push({
        kind: 'shape', shape: rng.pick(['rect', 'roundrect', 'ellipse'] as const), width: w, height: h,
        x: Math.round(rng.range(-0.05 * width, width - 0.95 * w)), y: Math.round(rng.range(-0.05 * height, height - 0.95 * h)),
        fill: hex(rng), opacity: rng.chance(0.6) ? rng.range(0.35, 0.85) : 1, shadow: maybeShadow(rng, 0.4, unit),
      });
    }
  }
  return { id: `s${seed}-${String(index).padStart(3, '0')}`, width, height, background, elements };
}
