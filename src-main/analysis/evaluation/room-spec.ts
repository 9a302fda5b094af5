// Where an expectations file's room lives: a folder as it is, or listed files copied into a room
// of their own. Shared by `npm run eval` and the evaluation tests so both analyse the same input.

import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Expectations } from './expectations';

export interface RoomBases {
  /** The shared samples folder (../shared/samples beside the checkout). */
  samples: string;
  /** The repository root, for rooms the repository ships (the demo room). */
  repo: string;
}

export interface ResolvedRoom {
  room: string;
  /** The files the room is made of, relative to its base folder. */
  sources: string[];
}

export function defaultRoomBases(repoRoot: string = process.cwd()): RoomBases {
  return { samples: process.env.DILIGENCE_DESK_SAMPLES ?? path.resolve(repoRoot, '..', 'shared', 'samples'), repo: repoRoot };
}

/** The folder to analyse for an expectations file; listed files are copied under `scratch/name`. */
export function resolveExpectedRoom(expectations: Expectations, bases: RoomBases, scratch: string, name: string): ResolvedRoom {
  const spec = expectations.room;
  if (!spec) throw new Error(`${expectations.file} names no room: pass the data room folder as well.`);
  const base = spec.root === 'repo' ? bases.repo : bases.samples;
  if (spec.dir) {
    const dir = path.join(base, spec.dir);
    const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    return { room: dir, sources: entries.filter((e) => e.isFile()).map((e) => path.relative(base, path.join(e.parentPath, e.name))) };
  }
  const room = path.join(scratch, name);
  mkdirSync(room, { recursive: true });
  for (const file of spec.files ?? []) copyFileSync(path.join(base, file), path.join(room, path.basename(file)));
  return { room, sources: spec.files ?? [] };
}
