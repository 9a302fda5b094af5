import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR_NAME = 'Diligence Desk';
export const DATABASE_FILE_NAME = 'diligence-desk.sqlite';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives the desktop app,
 * so the command line and the app share one database by default.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/** DILIGENCE_DESK_DB overrides the location (tests, portable installs). */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DILIGENCE_DESK_DB ?? path.join(userDataDir(env), DATABASE_FILE_NAME);
}

/**
 * Finds a folder shipped with the app (migrations, demo room) by walking up from this module:
 * it sits at the repository root in development and beside the bundle in a build.
 * The packaged app passes its resources path explicitly instead.
 */
export function findShippedDir(name: string, startDir = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = startDir;
  for (;;) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the shipped folder "${name}" above ${startDir}.`);
    dir = parent;
  }
}

export function defaultMigrationsDir(): string {
  return process.env.DILIGENCE_DESK_MIGRATIONS ?? findShippedDir('migrations');
}
