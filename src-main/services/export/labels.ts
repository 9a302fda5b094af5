import { DOMAIN_LABELS, type Domain } from '../../../src-shared/domain';
import { attributeLabel, subjectKindLabel } from '../../deal-data/labels';
import { formatLocation } from '../run-summary';

// Words a reader of an export understands, for the codes the database stores.

const SEVERITY: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
const FINDING_TYPE: Record<string, string> = { risk: 'Risk', work_item: 'Work item', recommendation: 'Recommendation', strategic_consideration: 'Strategic consideration' };
const LENS: Record<string, string> = {
  day_1_continuity: 'Day-1 continuity',
  tsa_exposure: 'TSA exposure',
  separation_complexity: 'Separation complexity',
  synergy_opportunity: 'Synergy opportunity',
  cost_driver: 'Cost driver',
};
const PHASE: Record<string, string> = { day_1: 'Day 1', day_100: 'First 100 days', post_100: 'After day 100' };
const COST_BAND: Record<string, string> = {
  under_25k: 'Under 25k',
  '25k_100k': '25k – 100k',
  '100k_500k': '100k – 500k',
  '500k_1m': '500k – 1M',
  over_1m: 'Over 1M',
};
const GAP_KIND: Record<string, string> = { missing: 'Missing', sparse: 'Incomplete', stale: 'Out of date', contradictory: 'Contradictory', provided_by_parent: 'Provided by parent' };
const REVIEW: Record<string, string> = { accepted: 'Accepted', dismissed: 'Dismissed', confirmed: 'Confirmed', incorrect: 'Incorrect', needs_info: 'Needs info' };
const DEAL_TYPE: Record<string, string> = { acquisition: 'Acquisition', carve_out: 'Carve-out', divestiture: 'Divestiture' };
const DOC_STATUS: Record<string, string> = { done: 'Read', failed: 'Failed', pending: 'Not read' };
const CHANGE: Record<string, string> = { new: 'New', changed: 'Changed', unchanged: 'Unchanged' };

function humanize(code: string): string {
  const text = code.replace(/_/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const label = (table: Record<string, string>) => (code: string | null | undefined): string => (code ? (table[code] ?? humanize(code)) : '');

export const severityLabel = label(SEVERITY);
export const findingTypeLabel = label(FINDING_TYPE);
export const lensLabel = label(LENS);
export const phaseLabel = label(PHASE);
/** Cost bands in the deal's currency, as the rules estimate them. */
export const costBandLabel = label(COST_BAND);
export const gapKindLabel = label(GAP_KIND);
export const reviewLabel = label(REVIEW);
export const dealTypeLabel = label(DEAL_TYPE);
export const documentStatusLabel = label(DOC_STATUS);
export const changeLabel = label(CHANGE);
export const entityLabel = label({ target: 'Target', buyer: 'Buyer' });

export function domainLabel(domain: string): string {
  return DOMAIN_LABELS[domain as Domain] ?? humanize(domain);
}

export { attributeLabel };

export function subjectLabel(kind: string | null): string {
  return kind ? subjectKindLabel(kind).replace(/s$/, '') : '';
}

/** "page 3, line 12" from nullable columns. */
export function locationLabel(at: { page: number | null; sheet: string | null; row: number | null; line: number | null }): string {
  return formatLocation({ page: at.page ?? undefined, sheet: at.sheet ?? undefined, row: at.row ?? undefined, line: at.line ?? undefined });
}

/** An ISO timestamp or date as a Date (UTC), or null when it is not one. */
export function asDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-02-01 14:03 UTC" for timestamps; dates alone stay as they are. */
export function displayTime(text: string | null | undefined): string {
  if (!text) return '';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? `${text.slice(0, 10)} ${text.slice(11, 16)} UTC` : text;
}
