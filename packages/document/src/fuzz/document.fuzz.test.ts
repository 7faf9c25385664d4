import { describe, expect, it } from 'vitest';
import { repair } from '../ops/repair.js';
import { type Topology, FuzzNetwork } from './FuzzNetwork.js';
import { checkInvariants } from './invariants.js';
import { Rng } from './rng.js';

/**
 * Seeded fuzz test of the layer tree (tldraw FuzzEditor style): 4 replicas make random concurrent edits (add,
 * group, move, set properties, remove, duplicate, replace with group, undo, redo, repair, canvas size) while the
 * network delivers in random order and partitions come and go; then everything is delivered and all replicas
 * must show the same valid tree. CI runs fixed seeds; locally, for example:
 *   FUZZ_SEED=random FUZZ_RUNS=20 FUZZ_OPS=5000 [FUZZ_MAX_NODES=8] npx vitest run packages/document/src/fuzz
 * A failing run prints its seed and topology and the last operations.
 */
const REPLICAS = 4;
const MAX_NODES = Number(process.env['FUZZ_MAX_NODES'] ?? 40);
const envSeed = process.env['FUZZ_SEED'];
const firstSeed = envSeed === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(envSeed ?? 20261127);
const runs = Number(process.env['FUZZ_RUNS'] ?? 1);
const opsPerRun = Number(process.env['FUZZ_OPS'] ?? 2000);

async function runOnce(seed: number, topology: Topology): Promise<void> {
  const rng = new Rng(seed);
  const net = new FuzzNetwork(rng, REPLICAS, topology);
  let ops = 0;
  try {
    for (let step = 1; ops < opsPerRun; step += 1) {
      // long runs yield now and then so that the test worker stays responsive
      if (step % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
      const roll = rng.next();
      if (roll < 0.4) {
        net.edit(rng.int(REPLICAS), MAX_NODES);
        ops += 1;
      } else if (roll < 0.93) {
        for (let burst = 1 + rng.int(5); burst > 0 && net.deliverOne(); burst -= 1);
      } else if (roll < 0.96) {
        net.togglePartition();
      } else {
        // with causal delivery (star) the invariants hold on every replica at every step
        const replica = rng.int(REPLICAS);
        if (topology === 'star') checkInvariants(net.editors[replica]!.doc);
      }
    }
    net.settle();
    const trees = net.editors.map((e) => checkInvariants(e.doc));
    for (const tree of trees.slice(1)) expect(tree).toEqual(trees[0]);

    // every replica repairs its (identical) state at once: the writes converge and change nothing visible
    for (const e of net.editors) repair(e.doc, e.ctx);
    net.settle();
    for (const e of net.editors) expect(checkInvariants(e.doc, { clean: true })).toEqual(trees[0]);
    for (const e of net.editors) expect(repair(e.doc, e.ctx)).toBe(0);
  } catch (error) {
    const tail = net.log.slice(-25).join('\n  ');
    throw new Error(
      `fuzz failed: FUZZ_SEED=${seed} topology=${topology} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=1)\n  ${tail}\n${String(error instanceof Error ? error.stack : error)}`,
    );
  } finally {
    net.destroy();
  }
}

describe('layer tree fuzz', () => {
  for (const topology of ['star', 'mesh'] as const) {
    it(`${REPLICAS} replicas (${topology}) converge to one valid tree: seeds ${firstSeed}..${firstSeed + runs - 1}, ${opsPerRun} edits each`, async () => {
      for (let i = 0; i < runs; i += 1) await runOnce(firstSeed + i, topology);
    }, 600_000);
  }
});
