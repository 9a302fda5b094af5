import { ATTRIBUTES, isAttributeName } from '../analysis/extract/vocabulary';

const SUBJECT_KIND_LABELS: Record<string, string> = {
  application: 'Applications',
  server: 'Servers',
  database: 'Databases',
  data_center: 'Data centres',
  cloud_provider: 'Cloud providers',
  network_device: 'Network devices',
  certification: 'Certifications',
  vendor: 'Vendors',
  team: 'Teams',
  role: 'Roles',
  site: 'Sites',
  platform: 'Platforms',
  integration: 'Integrations',
  tsa_service: 'TSA services',
};

function humanize(name: string): string {
  const text = name.replace(/_/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function attributeLabel(attribute: string): string {
  return isAttributeName(attribute) ? ATTRIBUTES[attribute].label : humanize(attribute);
}

export function subjectKindLabel(kind: string): string {
  return SUBJECT_KIND_LABELS[kind] ?? `${humanize(kind)}s`;
}

const ATTRIBUTE_ORDER = new Map(Object.keys(ATTRIBUTES).map((name, index) => [name, index]));

/** Vocabulary order first (the order an inventory's columns read best in), then by name. */
export function compareAttributes(a: string, b: string): number {
  const ia = ATTRIBUTE_ORDER.get(a) ?? Number.MAX_SAFE_INTEGER;
  const ib = ATTRIBUTE_ORDER.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ia !== ib ? ia - ib : a < b ? -1 : a > b ? 1 : 0;
}

export function isNumericAttribute(attribute: string): boolean {
  if (!isAttributeName(attribute)) return false;
  const type = ATTRIBUTES[attribute].type;
  return type === 'number' || type === 'money' || type === 'percent';
}
