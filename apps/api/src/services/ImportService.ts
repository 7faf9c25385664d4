import * as Y from 'yjs';
import { importedAsGroup } from '@strata/formats';
import type { SignedInViewer } from '../auth/Viewer.js';
import { DOCUMENT_MEDIA_TYPES } from '../blobs/documentFileHeader.js';
import type { CollabService } from '../collab/CollabService.js';
import { AppError, userError, type UserErrorValue } from '../errors/AppError.js';
import * as blobs from '../models/blobs.js';
import type { Db, Project } from '../models/db.js';
import * as versions from '../models/versions.js';
import type { BlobService } from './BlobService.js';
import type { FormatRunner } from '../formats/FormatRunner.js';
import { documentFromTree } from './initialDocument.js';
import { insertTree } from './insertTree.js';
import type { ProjectService, RoleOf } from './ProjectService.js';
import { Semaphore } from './Semaphore.js';
import { checkName } from './validateInput.js';

type Outcome = { ok: true; project: Project; versionId: string } | { ok: false; userErrors: UserErrorValue[] };

/**
 * Imports a PSD or OpenRaster file uploaded with POST /blobs: as a new project owned by the caller, or as one group
 * on top of an existing project's live document (through the collaboration server, so connected clients see it
 * appear), recorded as a version with reason `import`. Importer failures (truncated, CMYK, 16-bit, too many layers,
 * huge canvas…) come back as user errors with the importer's code, and nothing is stored.
 * Like exports, the importer runs in the FormatRunner (a child process in the API), one import at a time per process.
 */
export class ImportService {
  private readonly gate = new Semaphore(1);

  constructor(private readonly db: Db, private readonly blobService: BlobService, private readonly projects: ProjectService,
    private readonly collab: () => CollabService | null, private readonly runner: FormatRunner) {}

  async import(viewer: SignedInViewer, input: { projectId: string | null; blob: string; name?: string | null }, roleOf: RoleOf):
    Promise<Outcome> {
    const userId = viewer.user.id;
    const name = input.name?.trim() || 'Imported';
    const nameErrors = checkName(name, ['input', 'name']);
    if (nameErrors.length) return { ok: false, userErrors: nameErrors };
    let target: Project | null = null;
    if (input.projectId) {
      await this.projects.authorize(viewer, input.projectId, 'edit', roleOf);
      target = await this.projects.find(input.projectId);
      if (!target) throw new AppError('NOT_FOUND', 'No such project');
      if (!this.collab()) throw new AppError('COLLAB_UNAVAILABLE');
    }
    const blob = await this.blobService.find(input.blob);
    if (!blob || !(await this.blobService.canRead(userId, blob.sha256))) {
      return { ok: false, userErrors: [userError('BLOB_NOT_FOUND', undefined, ['input', 'blob'])] };
    }
    if (!DOCUMENT_MEDIA_TYPES.has(blob.mediaType)) {
      return { ok: false, userErrors: [userError('UNSUPPORTED_FORMAT', undefined, ['input', 'blob'])] };
    }
    const bytes = await this.blobService.bytesOf(blob.sha256);
    if (!bytes) return { ok: false, userErrors: [userError('BLOB_NOT_FOUND', undefined, ['input', 'blob'])] };
    const imported = await this.gate.run(() => this.runner.importDocument(bytes));
    if (!imported.ok) return { ok: false, userErrors: [userError(imported.error.code, imported.error.message, ['input', 'blob'])] };
    const { tree, blobs: pngs } = imported.value;
    for (const png of pngs.values()) await this.blobService.storePng(userId, png);
    if (!target) {
      const { state, rows } = documentFromTree(tree);
      const { project } = await versions.createProjectWithOwner(this.db, {
        name, width: tree.width, height: tree.height, ownerId: userId,
        firstVersion: { reason: 'import', name: `Imported ${name}`, state, width: tree.width, height: tree.height,
          nodes: rows, authorIds: [userId] },
      });
      const version = await versions.latestVersion(this.db, project.id);
      return { ok: true, project, versionId: version!.id };
    }

    const collab = this.collab();
    if (!collab) throw new AppError('COLLAB_UNAVAILABLE');
    await blobs.linkBlobsToProject(this.db, target.id, [...pngs.keys()]);
    const group = importedAsGroup(imported.value, name);
    const scratch = new Y.Doc(); // the live change must not fail half-way: try it on a scratch doc first
    try {
      insertTree(scratch, group);
    } finally {
      scratch.destroy();
    }
    await collab.applyServerChange(target.id, (doc) => insertTree(doc, group), { userId });
    const saved = await collab.createVersion(target.id, { reason: 'import', name: `Imported ${name}`, extraAuthors: [userId] });
    return { ok: true, project: target, versionId: saved.id };
  }
}
