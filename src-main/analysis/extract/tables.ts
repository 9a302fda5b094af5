// Inventory tables: each row becomes a subject and one fact per recognised, non-empty cell; rollup
// rows ("Total") are not subjects but give stated totals; key:value tables are read as statements.

import type { ParsedDocument, TableBlock, TableRow } from '../parsers/types';
import { bool, date, money, num, text } from './facts';
import type { FactSink } from './facts';
import { certificationStatus } from './statements';
import { residencyStatement } from './patterns-deal';
import { isHypotheticalSection, isMetaSection, KEYED, processLine } from './prose';
import { Scope } from './scope';
import type { DocContext } from './scope';
import { classifyTable, normalizeHeader } from './table-profiles';
import type { ColumnRule, TableProfile } from './table-profiles';
import { cityState, dataCenterName, dataCenterType, stripTags, subject, trailingVersion } from './subjects';
import type { SubjectRef } from './types';
import type { AttributeName } from './vocabulary';
import { cleanText, isPlaceholder, parseDate, parseDurationMonths, parseLeadingCount, parseMoney, parseNumber } from './values';

/** Confidence of a cell under a recognised header. */
export const TABLE = 0.9;

// "Total" rows, not products whose name starts with the word ("Total Access Emailer 2016").
const ROLLUP = /^(?:grand )?totals?\s*(?:$|[:(]|(?:annual|cost|spend|applications?|apps|systems|headcount|it|ftes?|staff|all)\b)|^sum\b|^overall\b|^all (?:applications|apps|systems)\b/i;
/** Rows of NetBox-style device lists that are not network equipment. */
const PASSIVE_DEVICE = /patch panel|\bpdu\b|power (?:strip|distribution)|cable|\bups\b/i;

/** A team that is the security function ("Cybersecurity", "Security & Compliance"). */
export const SECURITY_TEAM = /^(?:(?:cyber ?|information |it )?security|infosec)(?: (?:team|& compliance|and compliance|operations))?$/i;

const HOSTING = /^(?:saas|paas|iaas|cloud|on[- ]?prem(?:ise|ises)?|hybrid|hosted|self[- ]hosted|colo(?:cation)?|private cloud|public cloud)\b/i;

interface AppTotals {
  rows: number;
  cost: number;
  costRows: number;
  first: TableBlock | null;
}

/** Hook columns stamp "Y"/"N"; a "Y — Day-180" means locked to the parent until that day. */
function parentDependency(header: string, cell: string): string | null {
  if (/^(?:n|no|none|false|-)$/i.test(cell)) return null;
  const yes = /^(?:y|yes|true)\b/i.test(cell);
  const until = /\bday\s?-?\s?\d+\b/i.exec(cell)?.[0]?.replace(/\s/g, '');
  const tsa = /tsa|parent-hosted/i.test(header);
  if (!yes) return cell;
  if (tsa) return until ? `parent-hosted / TSA-locked until ${until}` : 'parent-hosted / TSA-locked';
  return 'shared with parent (carve-out dependency)';
}

/** One cell to a value for its column's attribute; null when it states nothing usable. */
function cellValue(rule: ColumnRule, header: string, cell: string, s: Scope, subj: SubjectRef): void {
  const emit = (attr: AttributeName, value: Parameters<Scope['emit']>[1]): void => s.emit(attr, value, { subject: subj });
  switch (rule.parser) {
    case 'text': {
      // "None" in a lease or owner column states no value, not a value called "None".
      const value = stripTags(cell);
      if (!/^none$/i.test(value)) emit(rule.attribute, text(value));
      return;
    }
    case 'count': {
      const n = parseLeadingCount(cell) ?? parseNumber(cell);
      if (n !== null) emit(rule.attribute, num(n));
      return;
    }
    case 'money': {
      const m = parseMoney(cell);
      if (m && m.high === undefined && m.per !== 'month') emit(rule.attribute, money(m.number, m.currency));
      return;
    }
    case 'monthly_money': {
      const m = parseMoney(cell);
      if (m && m.high === undefined && m.per !== 'year') emit(rule.attribute, money(m.number, m.currency));
      return;
    }
    case 'date': {
      const d = parseDate(cell);
      if (d) emit(rule.attribute, date(d));
      return;
    }
    case 'renewal': {
      const d = parseDate(cell);
      if (d) emit('app_contract_end', date(d));
      else if (/^[<>≤≥]?\s?\d+\s*(?:[-–]\s*\d+\s*)?(?:d|days?)$/i.test(cell)) emit('app_renewal_window', text(cell));
      return;
    }
    case 'months': {
      const months = parseDurationMonths(cell);
      if (months !== null) emit(rule.attribute, num(months));
      return;
    }
    case 'hosting_or_category':
      emit(HOSTING.test(cell) ? 'app_hosting' : 'app_category', text(cell));
      return;
    case 'parent_dependency': {
      const dep = parentDependency(header, cell);
      if (dep) emit(rule.attribute, text(dep));
      return;
    }
    case 'dc_type':
      emit(rule.attribute, text(dataCenterType(cell) ?? cell.toLowerCase()));
      return;
    case 'cert_status':
      emit(rule.attribute, text(certificationStatus(cell, s.doc.parent) ?? cell.toLowerCase()));
      return;
  }
}

function rowSubject(profile: TableProfile, row: TableRow, headers: readonly string[]): SubjectRef | null {
  const name = row.cells[profile.nameColumn] ?? '';
  switch (profile.kind) {
    case 'standards':
    case 'application':
      return subject('application', name);
    case 'server':
      return subject('server', name);
    case 'network_device': {
      const role = row.cells[headers.findIndex((h) => /^(?:role|device role)$/.test(h))] ?? '';
      return /\bserver\b/i.test(role) ? subject('server', name) : subject('network_device', name);
    }
    case 'data_center': {
      const location = profile.columns.find((c) => c.attribute === 'data_center_location');
      const place = location ? cityState(row.cells[location.index] ?? '') : null;
      return subject('data_center', place ?? dataCenterName(name) ?? name);
    }
    case 'role':
    case 'vendor':
    case 'tsa_service':
    case 'certification':
    case 'cloud_provider':
      return subject(profile.kind, name);
    default:
      return null;
  }
}

/** A device row of a server-like kind takes the matching server attributes. */
const DEVICE_AS_SERVER: Partial<Record<AttributeName, AttributeName>> = {
  device_role: 'server_role',
  device_site: 'server_location',
  device_status: 'server_status',
  device_firmware: 'server_os',
};

function inventoryRow(profile: TableProfile, table: TableBlock, row: TableRow, s: Scope, totals: AppTotals): void {
  const headers = table.headers.map(normalizeHeader);
  const subj = rowSubject(profile, row, headers);
  if (!subj) return;
  for (const rule of profile.columns) {
    const cell = cleanText(row.cells[rule.index] ?? '');
    if (isPlaceholder(cell)) continue;
    let effective = rule;
    if (subj.kind === 'server' && profile.kind === 'network_device') {
      const mapped = DEVICE_AS_SERVER[rule.attribute];
      if (!mapped) continue;
      effective = { ...rule, attribute: mapped };
    }
    cellValue(effective, table.headers[rule.index] ?? '', cell, s, subj);
  }
  if (profile.kind === 'standards' && !profile.columns.some((c) => c.attribute === 'app_version')) {
    const version = trailingVersion(row.cells[profile.nameColumn] ?? '');
    if (version) s.emit('app_version', text(version), { subject: subj });
  }
  if (profile.kind === 'role' && SECURITY_TEAM.test(subj.name)) {
    const hc = profile.columns.find((c) => c.attribute === 'role_headcount');
    const n = hc ? parseLeadingCount(row.cells[hc.index] ?? '') : null;
    if (n !== null) s.emit('security_team_size', num(n));
  }
  if (profile.kind === 'cloud_provider') s.emit('cloud_provider_used', bool(true), { subject: subj });
  // A TSA line can exist because data must stay put ("Data residency | PII must remain in region").
  if (profile.kind === 'tsa_service') residencyStatement(s.quote, s);
  // Only a real inventory (two or more described columns) counts towards the portfolio totals.
  if ((profile.kind === 'application' || profile.kind === 'standards') && profile.columns.length >= 2) {
    totals.rows += 1;
    totals.first ??= table;
    const cost = profile.columns.find((c) => c.attribute === 'app_annual_cost');
    const m = cost ? parseMoney(row.cells[cost.index] ?? '') : null;
    if (m && m.high === undefined) {
      totals.cost += m.number;
      totals.costRows += 1;
    }
  }
}

/** A "Total" row states the portfolio's cost (applications) or the IT headcount (staffing). */
function rollupRow(profile: TableProfile, row: TableRow, s: Scope): void {
  if (profile.kind === 'role') {
    for (const rule of profile.columns) {
      const n = parseLeadingCount(cleanText(row.cells[rule.index] ?? ''));
      if (n === null) continue;
      s.emit(rule.attribute === 'role_headcount' ? 'it_headcount' : 'it_contractor_count', num(n));
    }
    return;
  }
  if (profile.kind !== 'application') return;
  const cost = profile.columns.find((c) => c.attribute === 'app_annual_cost');
  const m = cost ? parseMoney(row.cells[cost.index] ?? '') : null;
  if (m && m.high === undefined) s.emit('app_total_annual_cost', money(m.number, m.currency));
}

function keyValueTable(profile: TableProfile, table: TableBlock, ctx: DocContext, sink: FactSink): void {
  const path = table.headingPath.map((h) => cleanText(h));
  if (isMetaSection(path) || isHypotheticalSection(path)) return;
  const state = {};
  for (const row of table.rows) {
    const key = cleanText(row.cells[profile.nameColumn] ?? '');
    if (key === '') continue;
    const quote = row.cells.map((c) => cleanText(c)).join(' | ');
    const s = new Scope(ctx, sink, path, row.location, quote, state, KEYED);
    for (const i of profile.valueColumns) {
      const value = cleanText(row.cells[i] ?? '');
      if (!isPlaceholder(value)) processLine(`${key}: ${value}`, s);
    }
  }
}

/**
 * Aligned "Key: value" lines that a PDF's layout turned into a two-column table, its first line
 * taken for the header ("Total IT staff: | 16 FTEs"): read back as the lines they are.
 */
function colonList(table: TableBlock, ctx: DocContext, sink: FactSink): void {
  const isKey = (cell: string | undefined): boolean => /:\s*$/.test(cleanText(cell ?? ''));
  if (table.headers.length !== 2 || !isKey(table.headers[0]) || !table.rows.every((r) => isKey(r.cells[0]))) return;
  const path = table.headingPath.map((h) => cleanText(h));
  if (isMetaSection(path) || isHypotheticalSection(path)) return;
  const state = {};
  for (const [cells, location] of [[table.headers, table.location] as const, ...table.rows.map((r) => [r.cells, r.location] as const)]) {
    const line = `${cleanText(cells[0] ?? '')} ${cleanText(cells[1] ?? '')}`.trim();
    processLine(line, new Scope(ctx, sink, path, location, line, state, KEYED));
  }
}

/** Extracts facts from every table of the document, then the computed application totals. */
export function extractFromTables(doc: ParsedDocument, ctx: DocContext, sink: FactSink): void {
  const totals: AppTotals = { rows: 0, cost: 0, costRows: 0, first: null };
  for (const table of doc.tables) {
    const profile = classifyTable(table.headers, table.headingPath);
    if (!profile) {
      colonList(table, ctx, sink);
      continue;
    }
    if (profile.kind === 'key_value') {
      keyValueTable(profile, table, ctx, sink);
      continue;
    }
    const path = table.headingPath.map((h) => cleanText(h));
    for (const row of table.rows) {
      const quote = row.cells.map((c) => cleanText(c)).join(' | ');
      const s = new Scope(ctx, sink, path, row.location, quote, {}, TABLE);
      const named = profile.kind === 'network_device' ? withDeviceName(profile, table, row) : row;
      const name = cleanText(named.cells[profile.nameColumn] ?? '');
      if (isPlaceholder(name)) continue;
      if (profile.kind === 'parent_services') s.emit('parent_provided_service', text(name), { confidence: KEYED });
      else if (ROLLUP.test(name)) rollupRow(profile, row, s);
      else if (profile.kind === 'network_device' && PASSIVE_DEVICE.test(quote)) continue;
      else inventoryRow(profile, table, named, s, totals);
    }
  }
  computedTotals(totals, ctx, sink);
}

/**
 * A device listed without a hostname still exists: it is named by its model and where it sits
 * ("QFX5100-48T-6Q at MDF R105"), so it is counted and checked like any other device.
 */
function withDeviceName(profile: TableProfile, table: TableBlock, row: TableRow): TableRow {
  if (!isPlaceholder(cleanText(row.cells[profile.nameColumn] ?? ''))) return row;
  const headers = table.headers.map(normalizeHeader);
  const cell = (re: RegExp): string => {
    const i = headers.findIndex((h) => re.test(h));
    return i >= 0 ? cleanText(row.cells[i] ?? '') : '';
  };
  const model = cell(/^(?:model|device type|hardware|hardware model)$/);
  const place = [cell(/^(?:site|location)$/), cell(/^rack$/)].filter((c) => c !== '' && !isPlaceholder(c)).join(' ');
  if (model === '' || isPlaceholder(model)) return row;
  const cells = [...row.cells];
  cells[profile.nameColumn] = place ? `${model} at ${place}` : model;
  return { ...row, cells };
}

/** The engine's own count and cost sum of the application rows, beside whatever the document states. */
function computedTotals(totals: AppTotals, ctx: DocContext, sink: FactSink): void {
  const first = totals.first;
  if (!first || totals.rows === 0) return;
  const quote = first.headers.map((h) => cleanText(h)).join(' | ');
  const s = new Scope(ctx, sink, first.headingPath, first.location, quote, {}, TABLE);
  s.emit('application_count_computed', num(totals.rows), { derivation: 'computed' });
  if (totals.costRows > 0) {
    s.emit('app_total_annual_cost_computed', money(Math.round(totals.cost * 100) / 100), { derivation: 'computed' });
  }
}
