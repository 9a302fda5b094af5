import type { DealType } from '../../../src-shared/domain';
import type { DealRow } from '../../repositories/deals';
import type { LlmConfig } from '../llm';
import type { DealSettings } from '../rules/types';

/**
 * What a run was started with, saved on its row: a resumed run uses exactly these, not whatever
 * the deal says now, so that resuming gives the same rows as never stopping (invariant 6).
 */
export interface RunSettings extends DealSettings {
  dataRoomPath: string;
  /** Present only when the run was started with the language-model extractor on (never the key). */
  llm?: LlmConfig;
}

export function settingsFor(deal: DealRow, dataRoomPath: string): RunSettings {
  return {
    name: deal.name,
    targetName: deal.targetName,
    buyerName: deal.buyerName,
    dealType: deal.dealType as DealType,
    asOfDate: deal.asOfDate,
    dataRoomPath,
  };
}

export function parseSettings(json: string): RunSettings {
  return JSON.parse(json) as RunSettings;
}
