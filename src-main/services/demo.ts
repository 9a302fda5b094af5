import type { NewDeal } from '../repositories/deals';
import { findShippedDir } from '../db/paths';

/** The bundled demo deal: a fictional data room written for this project (demo/README.md). */
export const DEMO_DEAL = {
  name: 'Demo: Corvane Marine Systems',
  targetName: 'Corvane Marine Systems',
  buyerName: 'Aldergrove Maritime Group',
  dealType: 'acquisition',
  asOfDate: '2026-06-30',
} as const satisfies Omit<NewDeal, 'dataRoomPath'>;

/** The demo room ships beside the app (repository root in development, resources when packaged). */
export function demoDataRoomPath(resourcesDir?: string): string {
  return resourcesDir ? `${resourcesDir}/demo/data-room` : findShippedDir('demo/data-room');
}
