import type { Domain } from '../../../src-shared/domain';
import { APPLICATIONS } from './checklist/applications';
import { CYBERSECURITY } from './checklist/cybersecurity';
import { IDENTITY_ACCESS } from './checklist/identity';
import { INFRASTRUCTURE } from './checklist/infrastructure';
import type { ChecklistItem } from './checklist/item';
import { NETWORK } from './checklist/network';
import { ORGANIZATION } from './checklist/organization';

export type { ChecklistItem, Selector } from './checklist/item';

/**
 * The due-diligence checklist (CHECKLIST.md) as data, one file per domain. Ids are stable: a
 * gap's key derives from its item id, so renumbering an item would orphan its history.
 */
export const CHECKLIST: readonly ChecklistItem[] = [
  ...APPLICATIONS,
  ...ORGANIZATION,
  ...INFRASTRUCTURE,
  ...CYBERSECURITY,
  ...IDENTITY_ACCESS,
  ...NETWORK,
];

const byId = new Map(CHECKLIST.map((i) => [i.id, i]));

export function checklistItem(id: string): ChecklistItem | undefined {
  return byId.get(id);
}

/** Checklist items of one domain, in checklist order. */
export function itemsOfDomain(domain: Domain): ChecklistItem[] {
  return CHECKLIST.filter((i) => i.domain === domain);
}
