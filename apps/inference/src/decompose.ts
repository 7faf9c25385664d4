import { checkpoint, raceAbort, throwIfAborted } from './errors.js';
import { chooseFiller } from './fill/chooseFiller.js';
import { createImage, type RgbaImage } from './image.js';
import { cropToContent, type Layer, type Stage } from './Layer.js';
import { IsnetMatter } from './objects/IsnetMatter.js';
import type { Matter } from './objects/Matter.js';
import { mergePlans, splitPlans } from './pipeline/adjustLayerCount.js';
import { isBackgroundPiece } from './pipeline/backgroundPiece.js';
import { closeTextHoles } from './pipeline/closeTextHoles.js';
import { continueShapes } from './pipeline/continueShapes.js';
import { edgeTint } from './pipeline/edgeTint.js';
import { fitDropShadow, orderByShadows } from './pipeline/dropShadow.js';
import { coreOf, flatColour, isStrokes, trimHalo } from './pipeline/flatColour.js';
import { flatRegions } from './pipeline/flatRegions.js';
import { foreignObjects, touchesAny } from './pipeline/foreignObjects.js';
import { growByColour } from './pipeline/growByColour.js';
import type { Hint } from './pipeline/Hint.js';
import { applyHints } from './pipeline/hintPlans.js';
import { joinPieces } from './pipeline/joinPieces.js';
import { planBounds, type LayerPlan } from './pipeline/LayerPlan.js';
import { objectPlans } from './pipeline/objectPlans.js';
import { isMattedObject, isPlausibleText, textLikeObject } from './pipeline/plausibleText.js';
import { refineTextAlpha } from './pipeline/refineTextAlpha.js';
import { removeTint, seeThroughTint } from './pipeline/seeThroughTint.js';
import { separateStacked } from './pipeline/splitStacked.js';
import { splitTouching } from './pipeline/splitTouching.js';
import { continueCovered, stackText } from './pipeline/stackText.js';
import { surroundSimilarity } from './pipeline/surroundSimilarity.js';
import { loadTextDetector, type DetectedText, type TextDetector } from './pipeline/textStage.js';
import { unblend, type UnblendLayer } from './pipeline/unblend.js';
import { validateImage, validateOptions, type LayerCount } from './pipeline/validateInput.js';

export interface DecomposeOptions {
  layers: LayerCount;
  hints?: Hint[];
  signal?: AbortSignal;
  onProgress?: (stage: Stage, fraction: number) => void;
  /** Stage implementations; default IS-Net and the src/text OCR stage. */
  matter?: Matter;
  detectText?: TextDetector;
}

const AUTO_MAX_LAYERS = 16;
/** An object component covering more than this share of the frame is the background, not an object. */
const MAX_OBJECT_SHARE = 0.85;

let sharedMatter: IsnetMatter | undefined;
/** The process-wide IS-Net matter (loaded once, then warm). */
export function defaultMatter(): IsnetMatter {
  sharedMatter ??= new IsnetMatter();
  return sharedMatter;
}

/**
 * Decompose an RGB(A) image into layers, bottom to top, whose straight-alpha composite reproduces the input (colour
 * and alpha) up to rounding. See README.md for the stages.
 */
export function decompose(input: RgbaImage, options: DecomposeOptions): Promise<Layer[]> {
  const work = run(input, options);
  // the race settles first on abort; the work then fails at its next checkpoint, and that failure is expected
  work.catch(() => undefined);
  return raceAbort(work, options.signal);
}

async function run(input: RgbaImage, options: DecomposeOptions): Promise<Layer[]> {
  const { signal, onProgress } = options;
  const hints = options.hints ?? [];
  validateImage(input);
  validateOptions(options.layers, hints, input.width, input.height);
  throwIfAborted(signal);
  const { width: w, height: h } = input;
  const progress = (stage: Stage, fraction: number): void => onProgress?.(stage, fraction);
  const view = flatten(input);

  progress('text', 0);
  const detectText = options.detectText ?? (await loadTextDetector());
  const texts = await detectText(view, signal ? { signal } : {});
  await checkpoint(signal);
  const allText = texts.map((t, i) => textPlan(t, i, w, h));
  const claimed = new Float32Array(w * h);
  for (const t of allText) t.alpha.forEach((v, i) => (claimed[i] = Math.max(claimed[i]!, v > 0.05 ? 1 : 0)));
  // a letter or two read from an icon is that icon: an object layer, not text
  const textPlans = allText.filter((_, i) => isPlausibleText(texts[i]!));
  const implausible = allText.filter((_, i) => !isPlausibleText(texts[i]!));
  progress('text', 1);

  progress('objects', 0);
  const matter = options.matter ?? defaultMatter();
  const matte = await matter.matte(view, signal);
  await checkpoint(signal);
  // salient-object mattes are not opacity: an interior value of 0.8 is doubt, not a see-through object (a real tint
  // is found later from the colours), and letting it through would print the fill's texture into the layer
  for (let i = 0; i < matte.data.length; i++) {
    matte.data[i] = sharpenMatte(matte.data[i]!) * (input.data[i * 4 + 3]! / 255);
  }
  const minArea = Math.max(64, Math.round(w * h * 0.0015));
  let objects = objectPlans(matte, { minArea, claimed })
    .filter((p) => coverage(p) < MAX_OBJECT_SHARE && !isBackgroundPiece(p, w, h))
    // a flat shape with things stacked on it becomes a completed lower layer and one layer per thing on it, which may
    // be stacks again
    .flatMap((p) => separateStacked(p, view, minArea, claimed))
    // two objects that touch, or a stroke icon across an object, become two layers, the lower completed under the upper
    .flatMap((p) => splitTouching(p, view, minArea));
  objects = joinPieces(objects, view).map((p, i) => ({ ...p, name: `Object ${i + 1}` }));
  // a one-colour object the matte caught part of (thin strokes) is completed along its colour, and loses the matte's
  // halo beyond its rim
  const cores = coreCounts(objects);
  objects = objects.map((p) => {
    const grown = growByColour(p, view, (i) => claimed[i]! > 0 || cores[i]! > (p.alpha[i]! > 0.5 ? 1 : 0));
    return { ...grown, alpha: trimHalo(grown.alpha, view, MIN_FLAT_SHARE) };
  });
  objects = applyHints(view, objects, hints);
  closeTextHoles(objects, claimed, w, h);
  // a glyph read from inside an object (the 禁 on an emoji) is part of its drawing; elsewhere it is an object of its own
  const textLike = implausible
    .filter((p) => isMattedObject(p, matte.data))
    .filter((p) => !joinEnclosing(p, objects))
    .map(textLikeObject);
  progress('objects', 1);

  // text goes on top unless an object covers part of its line
  let plans: LayerPlan[] = stackText([...objects, ...textLike], textPlans, view);
  castShadows(plans, view);
  plans = orderByShadows(plans, view);
  let fills: FillCache = new WeakMap();
  if (options.layers === 'auto') {
    // peel again like LayerD: objects the first matte missed show up once everything found so far is removed
    const deeper = await peelBeneath(input, plans, matter, minArea, AUTO_MAX_LAYERS - 1 - plans.length, fills, signal, progress);
    castShadows(deeper, view, [...deeper, ...plans]);
    plans = mergePlans([...deeper, ...plans], AUTO_MAX_LAYERS - 1, w);
  } else {
    const want = options.layers - 1;
    if (plans.length > want) plans = mergePlans(plans, want, w);
    if (plans.length < want) {
      const deeper = await peelBeneath(input, plans, matter, minArea, want - plans.length, fills, signal, progress);
      castShadows(deeper, view, [...deeper, ...plans]);
      plans = [...deeper, ...plans];
      if (plans.length < want) plans = splitPlans(plans, want, view);
    }
  }

  // text continued beneath the objects covering it changes the fills from the second peel's chain
  if (continueCovered(plans, view) > 0) fills = new WeakMap();
  const opacities: (number | undefined)[] = [];
  const targets = await fillChain(input, plans, fills, signal, progress, opacities);
  progress('unblend', 0);
  await checkpoint(signal);
  const full = unblend(
    targets,
    plans.map((p, k) => ({
      alpha: p.alpha,
      shadow: p.shadow,
      ...(p.text ? { color: p.text.color } : objectColour(p, targets[k + 1]!, opacities[k])),
    })),
  );
  progress('unblend', 1);
  return full.map((rgba, k) => {
    const crop = cropToContent(rgba);
    const plan = k === 0 ? undefined : plans[k - 1]!;
    const layer: Layer = {
      name: plan?.name ?? 'Background',
      kind: plan?.kind ?? 'background',
      x: crop.x,
      y: crop.y,
      width: crop.rgba.width,
      height: crop.rgba.height,
      rgba: crop.rgba,
      confidence: plan?.confidence ?? 1,
    };
    if (plan?.kind === 'text' && plan.text) layer.text = plan.text;
    return layer;
  });
}

/**
 * How unblend reads an object's alpha: a tint found beneath it gives its opacity; a one-colour object (a stroke icon, a
 * card) takes its alpha from its colour, as the matte is soft on thin strokes; and an object of thin strokes is opaque:
 * over a smooth backdrop its few pixels, mostly rim, show nothing see-through (texture showing through is the tint).
 */
function objectColour(plan: LayerPlan, target: RgbaImage, opacity: number | undefined): Pick<UnblendLayer, 'opacity' | 'flatColor'> {
  if (opacity !== undefined) return { opacity };
  const flat = flatColour(plan.alpha, target, MIN_FLAT_SHARE);
  const core = flat ?? coreOf(plan.alpha, target.width);
  return { ...(flat ? { flatColor: flat.colour } : {}), ...(core && isStrokes(core, target.width) ? { opacity: 1 } : {}) };
}

/** An object is one flat colour when this share of its core is within SAME of its median colour (see flatColour). */
const MIN_FLAT_SHARE = 0.8;
/** A component whose colours share more than this with its surroundings is background texture. */
const MAX_SURROUND_SIMILARITY = 0.35;
/** Beneath the first objects, what is left is mostly background: a component this doubtful touching the frame is. */
const BENEATH_DOUBTFUL = 0.8;
/** A missed object this much under a see-through layer shows through it (a figure under a tinted card). */
const MIN_SHARE_SEEN_THROUGH = 0.3;
/** A deeper component mostly inside the holes of the layers above is an artefact of their fill. */
const MAX_SHARE_IN_HOLES = 0.5;

/**
 * Objects beneath `plans`: IS-Net on the background completed behind them; components that are the fill of a hole
 * above or that look like their surroundings are dropped. At most `limit`, largest first, bottom of the stack.
 */
async function peelBeneath(
  input: RgbaImage,
  plans: LayerPlan[],
  matter: Matter,
  minArea: number,
  limit: number,
  fills: FillCache,
  signal: AbortSignal | undefined,
  progress: (stage: Stage, fraction: number) => void,
): Promise<LayerPlan[]> {
  if (limit <= 0 || plans.length === 0) return [];
  const targets = await fillChain(input, plans, fills, signal, progress);
  const beneath = flatten(targets[0]!);
  const under = await matter.matte(beneath, signal);
  await checkpoint(signal);
  for (let i = 0; i < under.data.length; i++) {
    under.data[i] = sharpenMatte(under.data[i]!) * (input.data[i * 4 + 3]! / 255);
  }
  const size = input.width * input.height;
  const holes = coveredBy(plans, 0.05, size);
  const found = objectPlans(under, { minArea, namePrefix: 'Object (behind)' })
    .filter((p) => coverage(p) < MAX_OBJECT_SHARE && !isBackgroundPiece(p, input.width, input.height, BENEATH_DOUBTFUL))
    .filter((p) => shareIn(p.alpha, holes) <= MAX_SHARE_IN_HOLES)
    .filter((p) => surroundSimilarity(p.alpha, beneath) <= MAX_SURROUND_SIMILARITY)
    .map((p) => ({ ...p, alpha: trimHalo(p.alpha, beneath, MIN_FLAT_SHARE) }));
  // flat cards the matte took for backdrop, unless they are the fill of a hole above or already matted
  const taken = coveredBy(found, 0.5, size);
  const shapes = flatRegions(beneath).filter((p) => shareIn(p.alpha, holes) <= MAX_SHARE_IN_HOLES && shareIn(p.alpha, taken) <= 0.5);
  // a matted piece of such a card is the card
  const card = coveredBy(shapes, 0.5, size);
  const rest = found.filter((p) => shareIn(p.alpha, card) <= 0.8);
  // small objects no matte saw (flat colours found nowhere else in the image), unless already found here
  const matted = coveredBy([...shapes, ...found], 0.5, size);
  // what shows through a see-through layer above is real, not the fill of its hole; what touches an object is a piece
  // of it, unless it lies under that object's see-through colour
  const opaque = plans.filter((p) => fills.get(p)?.opacity === undefined);
  const filled = coveredBy(opaque, 0.05, size);
  const seeThrough = coveredBy(plans.filter((p) => fills.get(p)?.opacity !== undefined), 0.5, size);
  const objects = [...plans.filter((p) => p.kind === 'object'), ...shapes, ...rest];
  const missed = foreignObjects(beneath, minArea).filter(
    (p) =>
      shareIn(p.alpha, filled) <= MAX_SHARE_IN_HOLES &&
      shareIn(p.alpha, matted) <= 0.5 &&
      (shareIn(p.alpha, seeThrough) > MIN_SHARE_SEEN_THROUGH || !touchesAny(p, objects, input.width)),
  );
  return [...shapes, ...joinPieces(rest, beneath), ...missed]
    .map((p, i) => ({ ...p, name: `Object (behind) ${i + 1}` }))
    .slice(0, limit);
}

/** A glyph this much inside an object's core is drawn on it. */
const MIN_ENCLOSED = 0.9;

/** Joins `glyph` to the object whose core holds MIN_ENCLOSED of it, if one does (mutating it). */
function joinEnclosing(glyph: LayerPlan, objects: LayerPlan[]): boolean {
  const host = objects.find((o) => shareIn(glyph.alpha, coveredBy([o], 0.5, o.alpha.length)) >= MIN_ENCLOSED);
  if (!host) return false;
  glyph.alpha.forEach((v, i) => (host.alpha[i] = Math.max(host.alpha[i]!, v)));
  return true;
}

/** Per pixel, how many of `plans` hold it in their core (alpha above 0.5). */
function coreCounts(plans: LayerPlan[]): Uint8Array {
  const counts = new Uint8Array(plans[0]?.alpha.length ?? 0);
  for (const { alpha } of plans) for (let i = 0; i < alpha.length; i++) if (alpha[i]! > 0.5) counts[i]!++;
  return counts;
}

/** 1 where any of `plans` has alpha above `threshold`. */
function coveredBy(plans: LayerPlan[], threshold: number, size: number): Uint8Array {
  const mask = new Uint8Array(size);
  for (const { alpha } of plans) for (let i = 0; i < alpha.length; i++) if (alpha[i]! > threshold) mask[i] = 1;
  return mask;
}

function shareIn(alpha: Float32Array, mask: Uint8Array): number {
  let n = 0;
  let inside = 0;
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= 0.5) continue;
    n++;
    inside += mask[i]!;
  }
  return n > 0 ? inside / n : 0;
}

/** Earlier fills: the same plan removed from the same image gives the same result, so a later chain reuses it. */
type FillCache = WeakMap<LayerPlan, { above: RgbaImage; below: RgbaImage; opacity: number | undefined }>;

/**
 * targets[k] = what layers 0..k composite to: the input with every layer above k removed and its hole filled. A
 * see-through flat shape over texture is removed exactly instead (its opacity goes to `opacities[k - 1]`).
 */
async function fillChain(
  input: RgbaImage,
  plans: LayerPlan[],
  fills: FillCache,
  signal: AbortSignal | undefined,
  progress: (stage: Stage, fraction: number) => void,
  opacities: (number | undefined)[] = [],
): Promise<RgbaImage[]> {
  const { width: w, height: h } = input;
  const targets: RgbaImage[] = new Array<RgbaImage>(plans.length + 1);
  targets[plans.length] = input;
  for (let k = plans.length; k >= 1; k--) {
    progress('fill', (plans.length - k) / Math.max(1, plans.length));
    await checkpoint(signal);
    const plan = plans[k - 1]!;
    const known = fills.get(plan);
    if (known && known.above === targets[k]) {
      targets[k - 1] = known.below;
      opacities[k - 1] = known.opacity;
      continue;
    }
    let hole = dilate(plan.alpha, w, h);
    // text beneath an object that covers it is no source for the object's fill (its glyphs would be copied into the
    // hole); only the text near the object, so the fill's window does not grow much; the restore below puts it back
    if (plan.kind === 'object') {
      for (const t of plans.slice(0, k - 1)) if (t.kind === 'text') excludeNearby(hole, t.alpha, w, h);
    }
    // what the layer leaves behind has no shadow: the darkened background around it is divided back out
    const source = plan.shadow ? unshadow(targets[k]!, plan.shadow, plan.alpha) : targets[k]!;
    const filler = chooseFiller(source, hole, plan.fill === 'diffusion');
    let filled = await filler(source, hole, signal);
    if (plan.kind === 'object') {
      // flat shapes the layer hides part of go on beneath it
      continueShapes(source, hole, filled);
      paintTextBeneath(filled, plans.slice(0, k - 1), plan.alpha);
    }
    if (plan.kind === 'text' && plan.text && refineTextAlpha(source, filled, plan.alpha, plan.text.color) > 0) {
      hole = dilate(plan.alpha, w, h);
      filled = await filler(source, hole, signal);
    }
    // the dilation ring only keeps fringe colours out of the fill; where the layer has no alpha, nothing changes
    for (let i = 0; i < hole.length; i++) {
      if (!hole[i] || plan.alpha[i]! > 0.004) continue;
      for (let c = i * 4; c < i * 4 + 4; c++) filled.data[c] = source.data[c]!;
    }
    // a flat shape completed under this layer shows its own colour there
    for (const below of plans.slice(0, k - 1)) paintHidden(filled, hole, plan.alpha, below.hidden);
    const tint = plan.kind === 'object' ? (seeThroughTint(plan.alpha, source, filled) ?? edgeTint(plan.alpha, source)) : undefined;
    if (tint) filled = removeTint(plan.alpha, source, tint);
    opacities[k - 1] = tint?.opacity;
    targets[k - 1] = filled;
    fills.set(plan, { above: targets[k]!, below: filled, opacity: tint?.opacity });
  }
  progress('fill', 1);
  return targets;
}

/** `plans` cast the drop shadows found around them on the background (pixels of `among` tell nothing of it). */
function castShadows(plans: LayerPlan[], image: RgbaImage, among: LayerPlan[] = plans): void {
  const busy = coveredBy(among, 0.05, image.width * image.height);
  for (const p of plans) {
    const found = fitDropShadow(p.alpha, image, busy);
    if (found) p.shadow = found.alpha;
  }
}

/**
 * `image` with a black shadow of alpha `shadow` (at most 0.9, see dropShadow.ts) removed outside the object's core:
 * each colour divided by 1 - alpha.
 */
function unshadow(image: RgbaImage, shadow: Float32Array, objectAlpha: Float32Array): RgbaImage {
  const out = { ...image, data: Uint8ClampedArray.from(image.data) };
  for (let i = 0; i < shadow.length; i++) {
    const s = shadow[i]!;
    if (s === 0 || objectAlpha[i]! > 0.5) continue;
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = image.data[i * 4 + c]! / (1 - s);
  }
  return out;
}

function paintHidden(image: RgbaImage, hole: Uint8Array, alpha: Float32Array, hidden: LayerPlan['hidden']): void {
  if (!hidden) return;
  const [r, g, b] = hidden.color;
  for (let i = 0; i < hole.length; i++) if (hole[i] && hidden.mask[i] && alpha[i]! > 0.004) image.data.set([r, g, b, 255], i * 4);
}

/**
 * Adds to `hole` the pixels of `alpha` (dilated) within the window a fill draws its sources from (the hole's box with
 * a margin of 0.6 of its size, as in patchMatchFill), if `alpha` reaches into the hole at all.
 */
function excludeNearby(hole: Uint8Array, alpha: Float32Array, w: number, h: number): void {
  if (!alpha.some((v, i) => v > 0.05 && hole[i] === 1)) return;
  const box = planBounds(hole, w)!;
  const margin = Math.round(0.6 * Math.max(box.x1 - box.x0 + 1, box.y1 - box.y0 + 1));
  const extra = dilate(alpha, w, h);
  for (let y = Math.max(0, box.y0 - margin); y <= Math.min(h - 1, box.y1 + margin); y++) {
    for (let x = Math.max(0, box.x0 - margin); x <= Math.min(w - 1, box.x1 + margin); x++) hole[y * w + x] = hole[y * w + x]! | extra[y * w + x]!;
  }
}

/** Beneath an object, text that continues under it (stackText) is part of what the object's fill must show. */
function paintTextBeneath(filled: RgbaImage, beneath: LayerPlan[], objectAlpha: Float32Array): void {
  for (const t of beneath) {
    if (t.kind !== 'text' || !t.text) continue;
    const { color } = t.text;
    t.alpha.forEach((a, i) => {
      if (a <= 0 || objectAlpha[i]! <= 0.5) return;
      for (let c = 0; c < 3; c++) filled.data[i * 4 + c] = Math.round(a * color[c]! + (1 - a) * filled.data[i * 4 + c]!);
    });
  }
}

function dilate(alpha: Float32Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= 0.004) continue;
    const x = i % w;
    const y = (i - x) / w;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx >= 0 && nx < w && ny >= 0 && ny < h) out[ny * w + nx] = 1;
      }
    }
  }
  return out;
}

/** Map matte values so that 0.1 and below is background and 0.8 and above is fully object. */
export function sharpenMatte(v: number): number {
  return Math.min(1, Math.max(0, (v - 0.1) / 0.7));
}

function coverage(plan: LayerPlan): number {
  let n = 0;
  for (const v of plan.alpha) if (v > 0.5) n++;
  return n / plan.alpha.length;
}

/** The image the models see: straight RGB composited over white where the input is transparent. */
function flatten(image: RgbaImage): RgbaImage {
  const out = createImage(image.width, image.height);
  for (let i = 0; i < image.data.length; i += 4) {
    const a = image.data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) out.data[i + c] = image.data[i + c]! * a + 255 * (1 - a);
    out.data[i + 3] = 255;
  }
  return out;
}

function textPlan(t: DetectedText, index: number, w: number, h: number): LayerPlan {
  const alpha = new Float32Array(w * h);
  for (let y = 0; y < t.alpha.height; y++) {
    const fy = Math.round(t.box.y) + y;
    if (fy < 0 || fy >= h) continue;
    for (let x = 0; x < t.alpha.width; x++) {
      const fx = Math.round(t.box.x) + x;
      if (fx < 0 || fx >= w) continue;
      alpha[fy * w + fx] = t.alpha.data[y * t.alpha.width + x]!;
    }
  }
  const label = t.content.trim();
  return {
    name: label ? `Text “${label.length > 32 ? `${label.slice(0, 31)}…` : label}”` : `Text ${index + 1}`,
    kind: 'text',
    alpha,
    fill: 'diffusion',
    text: { content: t.content, fontSize: t.fontSize, color: t.color },
    confidence: t.confidence,
    forced: false,
  };
}
