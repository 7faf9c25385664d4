import type { DocumentTree } from '@strata/document';
import type { Db } from '../models/db.js';
import * as versions from '../models/versions.js';
import { treeFromRows } from './versionTree.js';

/**
 * Reads a project's current layer tree. The default reads the latest version's rows; the collaboration server can
 * supply one that reads the live document (pass it as `documentReader` to createApiApp).
 */
export interface DocumentReader {
  current(project: { id: string; width: number; height: number }): Promise<DocumentTree>;
}

/** Versions are immutable, so their trees are cached by version id (bounded). */
export class VersionTreeCache {
  private readonly trees = new Map<string, DocumentTree>();
  constructor(private readonly db: Db, private readonly max = 200) {}

  async tree(version: { id: string; width: number; height: number }): Promise<DocumentTree> {
    const hit = this.trees.get(version.id);
    if (hit) return hit;
    const rows = await versions.nodesOfVersions(this.db, [version.id]);
    const tree = treeFromRows(rows, version.width, version.height);
    if (this.trees.size >= this.max) this.trees.delete(this.trees.keys().next().value!);
    this.trees.set(version.id, tree);
    return tree;
  }
}

export class LatestVersionDocumentReader implements DocumentReader {
  constructor(private readonly db: Db, private readonly cache: VersionTreeCache) {}

  async current(project: { id: string; width: number; height: number }): Promise<DocumentTree> {
    const latest = await versions.latestVersion(this.db, project.id);
    if (!latest) return { width: project.width, height: project.height, children: [] };
    return this.cache.tree(latest);
  }
}
