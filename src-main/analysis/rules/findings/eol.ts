import { findAllEndOfLife } from '../../knowledge/eol';
import type { EolMatch } from '../../knowledge/eol-types';
import type { AttributeName } from '../../extract/vocabulary';
import { criticalFacts } from '../criticality';
import { benchmarkCost, companySize, type ActivityId } from '../benchmarks';
import { companySubject, finding, type RuleEnv } from '../draft';
import { citeFact, compare, type FactIndex } from '../fact-index';
import type { FactRecord, FindingDraft } from '../types';
import { addMonths, mentions, monthsBetween, textOf } from '../values';

/**
 * End-of-life software and hardware: every product-and-version the facts name is looked up in
 * the shipped end-of-life data. One finding per product cycle (not per server), so twelve servers
 * on Windows Server 2012 R2 make one risk that cites all twelve facts.
 */

/** Company-level text facts that name platforms; core ones make an end-of-life finding critical. */
const PLATFORM_ATTRIBUTES: readonly AttributeName[] = [
  'hypervisor', 'operating_system', 'erp_platform', 'crm_platform', 'email_platform', 'hr_platform', 'core_platform',
  'integration_platform', 'database_platform', 'storage_platform', 'backup_product', 'monitoring_tool', 'mdm_product',
  'directory_service', 'firewall_platform', 'switching_platform', 'edr_product', 'antivirus_product', 'siem_product',
  'sso_product', 'pam_product', 'remote_access', 'software_runtime',
];
const CORE_ATTRIBUTES: ReadonlySet<string> = new Set(['erp_platform', 'core_platform', 'email_platform', 'hypervisor']);
/** Firmware is often written without its OS name ("6.4.9"); the vendor tells which OS it is. */
const VENDOR_OS: ReadonlyArray<[readonly string[], string]> = [
  [['fortinet', 'fortigate'], 'FortiOS'],
  [['palo alto', 'palo alto networks'], 'PAN-OS'],
  [['f5', 'f5 networks'], 'BIG-IP'],
  [['mikrotik'], 'RouterOS'],
];
const YEARS_FOR_CRITICAL = 3;
const APPROACHING_MONTHS = 6;

interface Hit {
  match: EolMatch;
  facts: Set<FactRecord>;
  where: Set<string>;
  core: boolean;
  /** False when every source is a row whose status says the product is not in use (Denied, Retired). */
  inUse: boolean;
  /** The statuses of such rows, for the finding's wording ("Denied"). */
  statuses: Set<string>;
}

/**
 * A standards-list or inventory status saying the product is not approved or no longer run. The row
 * still names a version past end of support, so it is flagged (citing the row), but as a low note
 * ranked below what is in use: a denied ColdFusion 2016 is not an unsupported platform to replace.
 * "Sunsetting" and "Exception" rows are still in use and are not read as this.
 */
const NOT_IN_USE = /\b(?:denied|prohibited|not approved|rejected|banned|disallowed|forbidden|retired|decommissioned|removed|not in use|no longer (?:in use|used))\b/i;

export function endOfLifeFindings(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const hits = new Map<string, Hit>();
  const record: Recorder = (text, facts, where, core, status) => {
    for (const match of findAllEndOfLife(text, asOf)) {
      const id = `${match.productSlug}:${match.cycle}`;
      const hit = hits.get(id) ?? { match, facts: new Set<FactRecord>(), where: new Set<string>(), core: false, inUse: false, statuses: new Set<string>() };
      if (status === undefined) hit.inUse = true;
      else hit.statuses.add(status);
      // Named by the most precise statement: "SQL Server 2014 SP3" somewhere beats "SQL Server 2014".
      if (hit.match.statedCycle !== undefined && match.statedCycle === undefined) hit.match = match;
      for (const f of facts) hit.facts.add(f);
      hit.where.add(where);
      hit.core ||= core;
      hits.set(id, hit);
    }
  };
  scanApplications(env.facts, record);
  for (const fact of env.facts.attr('server_os')) record(textOf(fact.value), [fact], `server ${fact.subjectName ?? ''}`.trim(), false);
  for (const attribute of PLATFORM_ATTRIBUTES) {
    for (const fact of env.facts.company(attribute)) record(textOf(fact.value), [fact], attribute.replace(/_/g, ' '), CORE_ATTRIBUTES.has(attribute));
  }
  scanDevices(env.facts, record);

  const size = companySize(env.facts);
  const out: FindingDraft[] = [];
  for (const [id, hit] of [...hits].sort(([a], [b]) => compare(a, b))) {
    const m = hit.match;
    // Named by what the documents say; a service pack they do not state only dates the finding.
    const product = `${m.productLabel} ${m.statedCycle ?? m.cycle}`;
    const levelName = m.latestLevel ? `latest ${/^SP/.test(m.latestLevel) ? 'service pack' : 'release'} ${m.latestLevel}` : '';
    const level = levelName ? ` (${levelName} ended ${m.eol ?? 'on a date not published'})` : '';
    const subject = companySubject(`eol:${id}`);
    const where = [...hit.where].sort(compare);
    const shown = where.length > 5 ? `${where.slice(0, 5).join(', ')} and ${where.length - 5} more` : where.join(', ');
    const ext = m.extendedSupportEnd ? ` Paid extended support (where bought) runs to ${m.extendedSupportEnd}.` : '';
    const older = m.olderThan ? ` (older than ${m.productLabel} ${m.olderThan}, the oldest release the source tracks, whose support ended ${m.eol ?? 'already'})` : '';
    if (!hit.inUse) {
      if (m.isPastEol || (m.eol && m.eol <= addMonths(asOf, APPROACHING_MONTHS))) out.push(notInUse(hit, product, level, shown, asOf, subject, where));
      continue;
    }
    if (m.isPastEol) {
      const yearsPast = m.eol ? monthsBetween(m.eol, asOf) / 12 : null;
      const severity = hit.core || (yearsPast !== null && yearsPast > YEARS_FOR_CRITICAL) ? 'critical' : 'high';
      const since = m.eol ? `${m.olderThan ? 'no later than' : 'on'} ${m.eol}` : '(date not published)';
      out.push(
        finding({
          ruleId: 'eol.past', subjectKeys: [subject], type: 'risk', domain: domainOf(where), severity, lens: 'day_1_continuity',
          title: `${product} is past end of support${level}`,
          description: `${product} reached end of vendor support ${since}${levelName ? ` (the date its ${levelName} ended)` : ''} and no longer receives security fixes.${ext} Found in: ${shown}.`,
          because: `the facts name ${product} (${shown}); ${m.source} gives end of support ${m.eol ?? 'as passed'}${m.latestLevel ? ` for its latest servicing level, ${m.productLabel} ${m.cycle}` : ''}${older}${yearsPast !== null ? `, ${yearsPast.toFixed(1)} years before the as-of date` : ''}${hit.core ? '; it is a core platform or critical application' : ''}.`,
          threshold: `past end of support is high; critical when it runs a core platform or critical application, or support ended over ${YEARS_FOR_CRITICAL} years ago`,
          asOfDate: asOf, facts: hit.facts,
        }),
      );
      const cost = benchmarkCost(activityFor(m.productSlug, where), size);
      out.push(
        finding({
          ruleId: 'eol.upgrade', subjectKeys: [subject], type: 'work_item', domain: domainOf(where), severity, lens: 'cost_driver',
          phase: severity === 'critical' ? 'day_1' : 'day_100', costBand: cost.band,
          title: `Upgrade or replace ${product}`,
          description: `Plan and fund the move off ${product} (${shown}); until then, isolate it and consider paid extended support.`,
          because: `${product} is past end of support (see eol.past); cost band from ${cost.note}.`,
          threshold: 'every unsupported platform needs a funded replacement plan; critical ones start before Day 1',
          asOfDate: asOf, facts: hit.facts,
        }),
      );
    } else if (m.eol && m.eol <= addMonths(asOf, APPROACHING_MONTHS)) {
      out.push(
        finding({
          ruleId: 'eol.approaching', subjectKeys: [subject], type: 'risk', domain: domainOf(where), severity: 'medium', lens: 'cost_driver',
          title: `${product} reaches end of support on ${m.eol}${levelName ? ` (${levelName})` : ''}`,
          description: `${product} loses vendor support on ${m.eol}, within ${APPROACHING_MONTHS} months of the as-of date.${ext} Found in: ${shown}.`,
          because: `the facts name ${product} (${shown}); ${m.source} gives end of support ${m.eol}${m.latestLevel ? ` for its latest servicing level, ${m.productLabel} ${m.cycle}` : ''}.`,
          threshold: `end of support within ${APPROACHING_MONTHS} months`,
          asOfDate: asOf, facts: hit.facts,
        }),
      );
    }
  }
  return out;
}

/** A product every row of which says it is not in use: one low note, and no upgrade work item. */
function notInUse(hit: Hit, product: string, level: string, shown: string, asOf: string, subject: string, where: readonly string[]): FindingDraft {
  const m = hit.match;
  const statuses = [...hit.statuses].sort(compare).join(' / ');
  const past = m.isPastEol;
  const ended = m.eol ? `${past ? 'ended' : 'ends'} ${m.eol}` : 'has ended';
  return finding({
    ruleId: past ? 'eol.past' : 'eol.approaching', subjectKeys: [subject], type: 'risk', domain: domainOf(where), severity: 'low', lens: 'day_1_continuity',
    title: `${product} is ${past ? 'past end of support' : `near end of support (${m.eol ?? ''})`}${level} — listed as ${statuses}, not in use`,
    description: `${product} support ${ended}; the list marks it ${statuses}, so it should not be running. Found in: ${shown}. Confirm no installation remains (software inventory or endpoint scan) rather than plan an upgrade.`,
    because: `the facts name ${product} (${shown}); ${m.source} gives end of support ${m.eol ?? 'as passed'}; every row naming it has status ${statuses}.`,
    threshold: 'a version past end of support is flagged; rows whose status says the product is denied or retired are a low note, below those in use',
    asOfDate: asOf, facts: hit.facts,
  });
}

type Recorder = (text: string, facts: FactRecord[], where: string, core: boolean, notInUseStatus?: string) => void;

/** Software the vendor runs for the customer: its version is the vendor's to keep current. */
const SAAS = ['saas', 'software as a service'];
const IN_USE: readonly AttributeName[] = ['app_users', 'app_annual_cost', 'app_criticality'];

/**
 * A running SaaS subscription (an inventory row with users, cost or criticality) is upgraded by its
 * vendor; a standards-list row that names a version approves that version, wherever it is hosted.
 */
function vendorRun(index: FactIndex, key: string): boolean {
  return index.subjectAttr(key, 'app_hosting').some((f) => mentions(textOf(f.value), SAAS)) && IN_USE.some((a) => index.subjectAttr(key, a).length > 0);
}

function scanApplications(index: FactIndex, record: Recorder): void {
  for (const key of index.subjectsOfKind('application')) {
    if (vendorRun(index, key)) continue;
    const name = index.subjectName(key);
    const versions = index.subjectAttr(key, 'app_version');
    const criticality = criticalFacts(index, key);
    const named = index.subject(key)[0];
    const lifecycle = index.subjectAttr(key, 'app_lifecycle');
    const stopped = lifecycle.length > 0 && lifecycle.every((f) => NOT_IN_USE.test(textOf(f.value)));
    const status = stopped ? [...new Set(lifecycle.map((f) => textOf(f.value).trim()))].sort(compare).join(' / ') : undefined;
    const texts = versions.length > 0 ? versions.map((v) => ({ text: `${name} ${textOf(v.value)}`, facts: [v] })) : named ? [{ text: name, facts: [named] }] : [];
    for (const { text, facts } of texts) {
      const where = facts[0] ? ` (${citeFact(facts[0])})` : '';
      record(text, [...facts, ...criticality, ...(stopped ? lifecycle : [])], `application ${name}${where}${status ? `, status ${status}` : ''}`, criticality.length > 0, status);
    }
  }
}

function scanDevices(index: FactIndex, record: Recorder): void {
  for (const key of index.subjectsOfKind('network_device')) {
    const vendor = index.subjectAttr(key, 'device_vendor').map((f) => textOf(f.value)).join(' ');
    const osName = VENDOR_OS.find(([names]) => mentions(vendor, names))?.[1] ?? '';
    const name = index.subjectName(key);
    for (const fact of [...index.subjectAttr(key, 'device_firmware'), ...index.subjectAttr(key, 'device_model')]) {
      const text = textOf(fact.value);
      const withOs = fact.attribute === 'device_firmware' && osName && !mentions(text, [osName.toLowerCase()]) ? `${osName} ${text}` : text;
      record(withOs, [fact], `device ${name}`, false);
    }
  }
}

function domainOf(where: readonly string[]): 'applications' | 'infrastructure' | 'network' {
  if (where.every((w) => w.startsWith('device') || w === 'firewall platform' || w === 'switching platform')) return 'network';
  if (where.every((w) => w.startsWith('application') || w.endsWith('platform') && !w.startsWith('storage'))) return 'applications';
  return 'infrastructure';
}

/** Which benchmark activity prices the remediation of a product. */
function activityFor(slug: string, where: readonly string[]): ActivityId {
  if (slug === 'sap-ecc' || slug === 'dynamics-ax') return 'ERP-002';
  if (slug === 'msexchange' || slug === 'skype-for-business-server' || slug === 'lync-server') return 'CLOUD-003';
  if (where.every((w) => w.startsWith('device') || w.includes('firewall') || w.includes('switching'))) return 'INFRA-002';
  if (where.every((w) => w.startsWith('application'))) return 'APP-003';
  return 'INFRA-003';
}
