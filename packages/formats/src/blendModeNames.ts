import type { BlendMode } from '@strata/document';
import type { BlendMode as PsdBlendMode } from 'ag-psd';

export function toPsdBlendMode(mode: BlendMode): PsdBlendMode {
  switch (mode) {
    case 'color-dodge': return 'color dodge';
    case 'color-burn': return 'color burn';
    case 'hard-light': return 'hard light';
    case 'soft-light': return 'soft light';
    case 'normal': case 'multiply': case 'screen': case 'overlay': case 'darken': case 'lighten':
    case 'difference': case 'exclusion': case 'hue': case 'saturation': case 'color': case 'luminosity':
      return mode;
    default: { const never: never = mode; throw new RangeError(`unknown blend mode ${String(never)}`); }
  }
}

/** PSD modes we do not model fall back to normal ('pass through' groups become isolated normal groups). */
export function fromPsdBlendMode(mode: PsdBlendMode | undefined): BlendMode {
  switch (mode) {
    case 'color dodge': return 'color-dodge';
    case 'color burn': return 'color-burn';
    case 'hard light': return 'hard-light';
    case 'soft light': return 'soft-light';
    case 'multiply': case 'screen': case 'overlay': case 'darken': case 'lighten':
    case 'difference': case 'exclusion': case 'hue': case 'saturation': case 'color': case 'luminosity':
      return mode;
    default: return 'normal';
  }
}

export function toOraCompositeOp(mode: BlendMode): string {
  return mode === 'normal' ? 'svg:src-over' : `svg:${mode}`;
}

const ORA_MODES: Record<string, BlendMode> = {
  'svg:src-over': 'normal', 'svg:multiply': 'multiply', 'svg:screen': 'screen', 'svg:overlay': 'overlay',
  'svg:darken': 'darken', 'svg:lighten': 'lighten', 'svg:color-dodge': 'color-dodge', 'svg:color-burn': 'color-burn',
  'svg:hard-light': 'hard-light', 'svg:soft-light': 'soft-light', 'svg:difference': 'difference',
  'svg:exclusion': 'exclusion', 'svg:hue': 'hue', 'svg:saturation': 'saturation', 'svg:color': 'color',
  'svg:luminosity': 'luminosity',
};

export function fromOraCompositeOp(op: string | undefined): BlendMode {
  return (op && ORA_MODES[op]) || 'normal';
}
