import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parseCliArgs.js';

describe('parseCliArgs', () => {
  it('parses image, out, layers and hints', () => {
    const r = parseCliArgs(['in.png', '--out', 'o', '--layers', '4', '--hint', '3,4', '--hint', '1,2,30,40']);
    expect(r).toEqual({
      ok: true,
      value: { image: 'in.png', out: 'o', layers: 4, hints: [{ x: 3, y: 4 }, { x: 1, y: 2, width: 30, height: 40 }] },
    });
    expect(parseCliArgs(['in.png', '--out', 'o'])).toMatchObject({ ok: true, value: { layers: 'auto', hints: [] } });
  });

  it.each([
    [['in.png', '--out', 'o', '--layers', '0']],
    [['in.png', '--out', 'o', '--layers', '99']],
    [['in.png', '--out', 'o', '--layers', 'x']],
    [['in.png', '--out', 'o', '--hint', '1']],
    [['in.png', '--out', 'o', '--hint', 'a,b']],
    [['in.png']],
    [['--out', 'o']],
    [['in.png', '--out', 'o', '--bogus']],
  ])('rejects %j with a one-line error', (argv) => {
    const r = parseCliArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).not.toContain('\n');
  });
});
