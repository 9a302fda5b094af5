// Domain vocabulary shared by the main process, the renderer and the IPC contract.
// Pure data: this module imports nothing, so every layer may depend on it.

export const DOMAINS = [
  'applications',
  'infrastructure',
  'network',
  'cybersecurity',
  'identity_access',
  'organization',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_LABELS: Record<Domain, string> = {
  applications: 'Applications',
  infrastructure: 'Infrastructure',
  network: 'Network',
  cybersecurity: 'Cybersecurity',
  identity_access: 'Identity & access',
  organization: 'Organization',
};

export const ENTITIES = ['target', 'buyer'] as const;
export type Entity = (typeof ENTITIES)[number];

export const DEAL_TYPES = ['acquisition', 'carve_out', 'divestiture'] as const;
export type DealType = (typeof DEAL_TYPES)[number];

export const RUN_STATUSES = ['running', 'completed', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_PHASES = ['starting', 'ingest', 'documents', 'gaps', 'findings', 'done'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

export const DOCUMENT_STATUSES = ['pending', 'parsed', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'csv', 'markdown', 'text'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const FINDING_TYPES = ['risk', 'work_item', 'recommendation', 'strategic_consideration'] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Gap importance uses the same four levels as finding severity. */
export const IMPORTANCES = SEVERITIES;
export type Importance = Severity;

export const GAP_KINDS = ['missing', 'sparse', 'stale', 'contradictory', 'provided_by_parent'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export const LENSES = [
  'day_1_continuity',
  'tsa_exposure',
  'separation_complexity',
  'synergy_opportunity',
  'cost_driver',
] as const;
export type Lens = (typeof LENSES)[number];

export const WORK_PHASES = ['day_1', 'day_100', 'post_100'] as const;
export type WorkPhase = (typeof WORK_PHASES)[number];

export const COST_BANDS = ['under_25k', '25k_100k', '100k_500k', '500k_1m', 'over_1m'] as const;
export type CostBand = (typeof COST_BANDS)[number];

export const VALUE_TYPES = ['text', 'number', 'money', 'percent', 'date', 'boolean'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** Orders severities from most to least serious, for sorting in SQL and in views. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** A YYYY-MM-DD date that exists on the calendar (2026-02-30 does not, though Date.parse accepts it). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
