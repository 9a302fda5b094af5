import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860, maximized: false };
export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 620;
const FILE_NAME = 'window-state.json';

function intIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** Reads the remembered window size from userData; anything missing or odd falls back to defaults. */
export function loadWindowState(userDataDir: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(path.join(userDataDir, FILE_NAME), 'utf8')) as Record<string, unknown>;
    const width = intIn(raw.width, MIN_WIDTH, 10_000) ?? DEFAULT_WINDOW_STATE.width;
    const height = intIn(raw.height, MIN_HEIGHT, 10_000) ?? DEFAULT_WINDOW_STATE.height;
    const x = intIn(raw.x, -20_000, 20_000);
    const y = intIn(raw.y, -20_000, 20_000);
    const state: WindowState = { width, height, maximized: raw.maximized === true };
    if (x !== undefined && y !== undefined) {
      state.x = x;
      state.y = y;
    }
    return state;
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Writes the state atomically (temp file, then rename), so a crash never leaves half a file. */
export function saveWindowState(userDataDir: string, state: WindowState): void {
  try {
    mkdirSync(userDataDir, { recursive: true });
    const file = path.join(userDataDir, FILE_NAME);
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  } catch {
    // Remembering the size is a convenience; never fail the app over it.
  }
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the title bar must land on a screen for a remembered position to be used. */
const VISIBLE_WIDTH = 120;
const VISIBLE_HEIGHT = 40;

/**
 * Fits a remembered state to the displays attached now: a window last seen on a monitor that is
 * gone (a docked laptop, now on the road) would open off-screen, so its position is dropped (the
 * window is centred) unless enough of its top edge lies on some display's work area; its size is
 * capped to the largest work area.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Area[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const fitted: WindowState = { width: Math.max(Math.min(state.width, maxWidth), Math.min(MIN_WIDTH, maxWidth)), height: Math.max(Math.min(state.height, maxHeight), Math.min(MIN_HEIGHT, maxHeight)), maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const { x, y } = state;
  const titleBar: Area = { x, y, width: fitted.width, height: VISIBLE_HEIGHT };
  const onScreen = workAreas.some((a) => overlap(titleBar.x, titleBar.width, a.x, a.width) >= Math.min(VISIBLE_WIDTH, fitted.width) && overlap(titleBar.y, titleBar.height, a.y, a.height) >= VISIBLE_HEIGHT);
  return onScreen ? { ...fitted, x, y } : fitted;
}

function overlap(start: number, length: number, areaStart: number, areaLength: number): number {
  return Math.max(0, Math.min(start + length, areaStart + areaLength) - Math.max(start, areaStart));
}
