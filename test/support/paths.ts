import path from 'node:path';

/** The repository root (vitest runs with it as the working directory). */
export const REPO_ROOT = process.cwd();

/** ../shared beside the checkout: real sample data rooms and knowledge data, read-only. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const SAMPLES_DIR = path.join(SHARED_DIR, 'samples');
export const KNOWLEDGE_DIR = path.join(SHARED_DIR, 'knowledge');

export function sample(...parts: string[]): string {
  return path.join(SAMPLES_DIR, ...parts);
}
