import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentKind, Entity } from '../../../src-shared/domain';
import { detectKind } from '../parsers/kinds';

export interface DataRoomFile {
  /** Path inside the data room with forward slashes: the document's identity across runs. */
  relativePath: string;
  absolutePath: string;
  kind: DocumentKind;
  entity: Entity;
  sizeBytes: number;
}

export interface SkippedFile {
  relativePath: string;
  reason: string;
}

export interface DataRoomListing {
  files: DataRoomFile[];
  skipped: SkippedFile[];
}

export class DataRoomError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataRoomError';
  }
}

/** Checks the folder before a run is created, so a typo never leaves a failed run behind. */
export async function assertDataRoom(root: string): Promise<string> {
  const absolute = path.resolve(root);
  let info;
  try {
    info = await stat(absolute);
  } catch {
    throw new DataRoomError(`The data room folder ${absolute} does not exist.`);
  }
  if (!info.isDirectory()) throw new DataRoomError(`${absolute} is a file, not a data room folder.`);
  return realpath(absolute);
}

/**
 * Lists a data room's documents, recursively, sorted by path so every run sees them in the same
 * order. Hidden files and folders are skipped, and so are symlinks that lead outside the room
 * (a data room must not be able to make the app read arbitrary files).
 */
export async function walkDataRoom(root: string): Promise<DataRoomListing> {
  const realRoot = await assertDataRoom(root);
  const files: DataRoomFile[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>();

  async function visit(dir: string, relDir: string): Promise<void> {
    const real = await realpath(dir);
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relativePath = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.')) continue;
      const absolutePath = path.join(dir, entry.name);
      let info = await lstat(absolutePath);
      if (info.isSymbolicLink()) {
        const target = await realpath(absolutePath).catch(() => null);
        if (!target || !isInside(realRoot, target)) {
          skipped.push({ relativePath, reason: 'symbolic link pointing outside the data room' });
          continue;
        }
        info = await stat(absolutePath);
      }
      if (info.isDirectory()) {
        await visit(absolutePath, relativePath);
      } else if (info.isFile()) {
        const kind = detectKind(entry.name);
        if (!kind) {
          const extension = path.extname(entry.name).toLowerCase();
          skipped.push({ relativePath, reason: extension ? `unsupported file type ${extension}` : 'no file extension, so no known document type' });
          continue;
        }
        files.push({ relativePath, absolutePath, kind, entity: entityForPath(relativePath), sizeBytes: info.size });
      } else {
        skipped.push({ relativePath, reason: 'not a regular file (a pipe, socket or device)' });
      }
    }
  }

  await visit(realRoot, '');
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
  return { files, skipped };
}

/** Walks the room and refuses one with nothing to analyse, before anything is written. */
export async function assertHasDocuments(root: string): Promise<DataRoomListing> {
  const listing = await walkDataRoom(root);
  if (listing.files.length === 0) {
    throw new DataRoomError(`The data room ${path.resolve(root)} contains no documents (PDF, DOCX, XLSX, CSV, Markdown or text files).`);
  }
  return listing;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Documents from the buyer sit in a folder named buyer/acquirer (or have a file name starting
 * with it); everything else describes the target.
 */
export function entityForPath(relativePath: string): Entity {
  const segments = relativePath.toLowerCase().split('/');
  const folders = segments.slice(0, -1);
  const file = segments[segments.length - 1] ?? '';
  if (folders.some((s) => /^(buyer|acquirer|purchaser)\b/.test(s))) return 'buyer';
  if (/^(buyer|acquirer)[\s_-]/.test(file)) return 'buyer';
  return 'target';
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
