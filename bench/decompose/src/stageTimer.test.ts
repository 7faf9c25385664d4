import { expect, it } from 'vitest';
import { StageTimer } from './stageTimer.js';

it('attributes time to stages by first report', () => {
  let t = 0;
  const timer = new StageTimer(() => t);
  t = 5;
  timer.onProgress('text');
  t = 10;
  timer.onProgress('text');
  t = 30;
  timer.onProgress('objects');
  t = 100;
  expect(timer.finish()).toEqual({ '(before first stage)': 5, text: 25, objects: 70 });
});
