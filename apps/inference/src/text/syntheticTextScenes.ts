// Benchmark data: seeded ~1 MP design-like scenes with known text lines (fonts from Debian's fonts-* packages).
import type { TextImageSpec, TextLineSpec } from './renderTextImage.js';

export const BENCH_FONTS = [
  'DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Liberation Serif', 'Nimbus Sans', 'Nimbus Roman',
  'URW Gothic', 'URW Bookman', 'C059', 'P052', 'Liberation Mono', 'Liberation Sans Narrow', 'DejaVu Sans Mono',
  'Nimbus Sans Narrow', 'Z003',
] as const;

export const BENCH_STRINGS = [
  'Hello World', 'SALE 50%', 'Summer Collection 2026', 'Free shipping on orders over $50', 'Grand Opening',
  'Book your table today', 'Limited Edition', 'info@strata.dev', '+1 (555) 013-2048', 'Only 3 days left!',
  'New Arrivals', 'Best Coffee in Town', 'Join us on Friday, May 8', 'Up to 70% OFF', 'www.example.com',
  'Call 0800 123 456', 'Handmade with love', "Season's Greetings", 'Workshop: 10:00-12:00', 'Quality & Style',
  'Fresh Bakery', 'The quick brown fox jumps', 'Save the Date', 'Tickets from 19.99', 'Open Mon-Sat',
  'Design Week #7', 'Price: $1,299.00', 'Let\'s build something great', 'Q3 Report / Draft', 'RSVP by 12.06.',
  'Naturally gluten-free', 'Scan me for 20% off', 'Vol. 2 - Issue 14', 'Hand-picked since 1987', 'A+B=C?',
] as const;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLINES = [[192, 57, 43], [31, 97, 141], [241, 196, 15], [17, 122, 101], [20, 20, 20], [235, 235, 235]];

/** The candidate colour whose nearest reference colour is farthest away. */
function farthest(candidates: number[][], refs: number[][]): number[] {
  const score = (c: number[]): number => Math.min(...refs.map((r) => Math.hypot(c[0]! - r[0]!, c[1]! - r[1]!, c[2]! - r[2]!)));
  return candidates.reduce((best, c) => (score(c) > score(best) ? c : best));
}

const hex = (v: number): string => Math.round(v).toString(16).padStart(2, '0');
const rgb = (c: number[]): string => `#${c.map(hex).join('')}`;

export interface BenchScene {
  spec: TextImageSpec;
  lines: TextLineSpec[];
}

/**
 * `count` scenes of 1200 x 850 px with five lines each (13-72 px, one in five under 24 px; some bold, italic,
 * letter-spaced, outlined or low-contrast): light or dark grounds, flat, gradient or noise-textured, with translucent circles
 * the text may cross.
 */
export function syntheticTextScenes(count: number, seed = 1): BenchScene[] {
  const rand = mulberry32(seed);
  const scenes: BenchScene[] = [];
  let k = 0;
  for (let s = 0; s < count; s++) {
    const dark = rand() < 0.35;
    const base = dark ? [20 + rand() * 50, 20 + rand() * 50, 30 + rand() * 60] : [200 + rand() * 55, 200 + rand() * 55, 190 + rand() * 65];
    const other = base.map((v) => Math.max(0, Math.min(255, v + (rand() - 0.5) * 60)));
    const kind = rand();
    let background: string;
    if (kind < 0.33) background = `<rect width="100%" height="100%" fill="${rgb(base)}"/>`;
    else if (kind < 0.66) {
      background = `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${rgb(base)}"/><stop offset="1" stop-color="${rgb(other)}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>`;
    } else {
      // a paper/stone-like texture: fractal noise squeezed around the base colour
      const [r, g, b] = base.map((v) => (v / 255 - 0.15).toFixed(3));
      background = `<filter id="n"><feTurbulence type="fractalNoise" baseFrequency="${(0.01 + rand() * 0.03).toFixed(3)}" numOctaves="3" seed="${s + 1}"/><feColorMatrix type="matrix" values="0.3 0 0 0 ${r}  0 0.3 0 0 ${g}  0 0 0.3 0 ${b}  0 0 0 0 1"/></filter><rect width="100%" height="100%" filter="url(#n)"/>`;
    }
    // a few translucent shapes that text may cross
    const shapes = Math.floor(rand() * 3);
    for (let i = 0; i < shapes; i++) {
      const fill = rgb(base.map((v) => Math.max(0, Math.min(255, v + (rand() - 0.5) * 120))));
      background += `<circle cx="${Math.round(rand() * 1200)}" cy="${Math.round(rand() * 850)}" r="${Math.round(60 + rand() * 200)}" fill="${fill}" fill-opacity="${(0.3 + rand() * 0.5).toFixed(2)}"/>`;
    }
    const lines: TextLineSpec[] = [];
    let y = 60;
    for (let l = 0; l < 5; l++) {
      const fontSize = Math.round(rand() < 0.2 ? 13 + rand() * 11 : 28 + rand() * 44);
      y += fontSize + 40 + rand() * 40;
      // one line in six has low contrast (ink a third of the way to the ground)
      const strong = dark ? [180 + rand() * 75, 170 + rand() * 85, 150 + rand() * 105] : [rand() * 120, rand() * 110, rand() * 130];
      const ink = rand() < 1 / 6 ? strong.map((v, i) => base[i]! + (v - base[i]!) * 0.45) : strong;
      lines.push({
        text: BENCH_STRINGS[k % BENCH_STRINGS.length]!,
        x: Math.round(40 + rand() * 200),
        y: Math.round(y),
        fontSize,
        fontFamily: BENCH_FONTS[k % BENCH_FONTS.length]!,
        fill: rgb(ink),
        fontWeight: rand() < 0.25 ? 'bold' : 'normal',
        fontStyle: rand() < 0.15 ? 'italic' : 'normal',
        ...(rand() < 0.15 ? { letterSpacing: Math.round(fontSize * 0.15) } : {}),
        // one line in eight is outlined in a contrasting colour (display type, thumbnails)
        ...(fontSize >= 28 && rand() < 0.125
          ? { stroke: { color: rgb(farthest(OUTLINES, [ink, base])), width: Math.max(2, Math.round(fontSize / 20)) } }
          : {}),
      });
      k++;
    }
    scenes.push({ spec: { width: 1200, height: 850, background, lines }, lines });
  }
  return scenes;
}
