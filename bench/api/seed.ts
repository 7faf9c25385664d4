/** Benchmark data written directly: a user with a token, a 500-node project and 50 more projects. */
import type { DocNode } from '@strata/document';
import { toGlobalId } from '@strata/schema';
import type { Db } from '../../apps/api/src/models/db.js';
import { createVersion } from '../../apps/api/src/models/versions.js';
import { rowsFromTree } from '../../apps/api/src/services/versionTree.js';
import { makeBlobRow, makeProject, makeToken, makeUser } from '../../apps/api/src/testing/factories.js';

/** `groups` groups of `perGroup` raster layers: groups × (perGroup + 1) nodes. */
export function benchTree(groups: number, perGroup: number, blob: string): DocNode[] {
  const common = { visible: true, locked: false, opacity: 1, blendMode: 'normal' as const };
  return Array.from({ length: groups }, (_, g) => ({
    ...common, id: `g${g}`, name: `Group ${g}`, type: 'group' as const, expanded: true, x: 0, y: 0,
    children: Array.from({ length: perGroup }, (_, i): DocNode => ({
      ...common, id: `g${g}l${i}`, name: `Layer ${g}.${i}`, type: 'layer', kind: 'raster', blob, width: 64, height: 64, x: i, y: g,
    })),
  }));
}

export async function seed(db: Db): Promise<{ token: string; bigProjectId: string }> {
  const user = await makeUser(db, 'Bench');
  const token = await makeToken(db, user);
  const blob = await makeBlobRow(db, user, 64, 64);
  for (let i = 0; i < 50; i++) await makeProject(db, user, `Project ${i}`);
  const big = await makeProject(db, user, 'Five hundred nodes');
  const children = benchTree(20, 24, blob.sha256); // 20 × 25 = 500 nodes
  await createVersion(db, { projectId: big.id, reason: 'manual', state: new Uint8Array(), width: 2000, height: 2000,
    nodes: rowsFromTree({ width: 2000, height: 2000, children }), authorIds: [user.id] });
  return { token, bigProjectId: toGlobalId('Project', big.id) };
}
