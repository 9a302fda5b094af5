import type { Domain, Severity } from '../../../../src-shared/domain';
import type { AttributeName } from '../../extract/vocabulary';
import { finding, type RuleEnv } from '../draft';
import type { FactRecord, FindingDraft } from '../types';
import { criticalFacts } from '../criticality';
import { addMonths, mentions, textOf, whenOf } from '../values';

/**
 * Contracts and certifications that end within six months of the as-of date, or have already
 * ended: each is a renewal or continuity question the deal team must settle before signing.
 */

const WINDOW_MONTHS = 6;
/** Ending within this many months leaves no time to renegotiate or move: one level more serious. */
const URGENT_MONTHS = 3;

interface Source {
  attribute: AttributeName;
  kind: string;
  ruleId: string;
  domain: Domain;
  noun: string;
  /** Severities for [already ended, ending soon], before any escalation. */
  severity: readonly [Severity, Severity];
}

const SOURCES: readonly Source[] = [
  { attribute: 'app_contract_end', kind: 'application', ruleId: 'contract.expiry', domain: 'applications', noun: 'contract', severity: ['medium', 'low'] },
  { attribute: 'vendor_contract_end', kind: 'vendor', ruleId: 'contract.expiry', domain: 'organization', noun: 'vendor contract', severity: ['medium', 'low'] },
  // Losing a data-centre contract moves every system in it: one level more serious.
  { attribute: 'data_center_contract_end', kind: 'data_center', ruleId: 'contract.expiry', domain: 'infrastructure', noun: 'data-centre contract', severity: ['high', 'medium'] },
  { attribute: 'certification_expiry', kind: 'certification', ruleId: 'certification.expiry', domain: 'cybersecurity', noun: 'certification', severity: ['high', 'medium'] },
];

export function expiryFindings(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const horizon = addMonths(asOf, WINDOW_MONTHS);
  const out: FindingDraft[] = [];
  for (const source of SOURCES) {
    for (const { fact, date, all } of earliestPerSubject(env.facts.attr(source.attribute))) {
      if (date > horizon) continue;
      const ended = date < asOf;
      const urgent = !ended && date <= addMonths(asOf, URGENT_MONTHS);
      const name = fact.subjectName ?? 'unnamed';
      const critical = source.kind === 'application' && fact.subjectKey !== null ? criticalFacts(env.facts, fact.subjectKey) : [];
      const severity = escalate(escalate(source.severity[ended ? 0 : 1], critical.length > 0), urgent);
      out.push(
        finding({
          ruleId: source.ruleId,
          subjectKeys: [fact.subjectKey ?? `company:target:${source.attribute}`, source.attribute],
          type: 'risk',
          domain: source.domain,
          severity,
          lens: 'day_1_continuity',
          title: ended ? `${name}: ${source.noun} ended ${date}` : `${name}: ${source.noun} ends ${date}`,
          description: ended
            ? `The ${source.noun} for ${name} ended on ${date}, before the as-of date. Confirm whether it was renewed, on what terms, and whether renewal needs the buyer's consent.`
            : `The ${source.noun} for ${name} ends on ${date}, within ${WINDOW_MONTHS} months of the as-of date. Renewal terms and any change-of-control clause should be settled before signing.`,
          because: `the ${source.noun} end date for ${name} is stated as "${textOf(fact.value)}"${critical.length > 0 ? '; the application is rated critical' : ''}.`,
          threshold: `ends within ${WINDOW_MONTHS} months of the as-of date (by ${horizon}) or has already ended; one level more serious within ${URGENT_MONTHS} months${source.kind === 'application' ? ' and for critical applications' : ''}`,
          asOfDate: asOf,
          facts: [...all, ...critical],
        }),
      );
    }
  }
  out.push(...renewalWindows(env));
  for (const fact of env.facts.attr('certification_status')) {
    if (!mentions(textOf(fact.value), ['expired', 'lapsed', 'revoked', 'suspended', 'withdrawn', 'non compliant', 'failed'])) continue;
    out.push(
      finding({
        ruleId: 'certification.lapsed',
        subjectKeys: [fact.subjectKey ?? 'company:target:certification'],
        type: 'risk',
        domain: 'cybersecurity',
        severity: 'high',
        lens: 'day_1_continuity',
        title: `${fact.subjectName ?? 'Certification'} is not current (${textOf(fact.value)})`,
        description: `${fact.subjectName ?? 'A certification'} is reported as "${textOf(fact.value)}". Customer contracts that require it may be in breach.`,
        because: `the certification status reads "${textOf(fact.value)}".`,
        threshold: 'a certification reported as expired, lapsed, suspended, withdrawn or non-compliant',
        asOfDate: asOf,
        facts: [fact],
      }),
    );
  }
  return out;
}

/**
 * One entry per subject: the earliest stated end date (documents may give several), citing all
 * of them, so a subject never yields two findings with the same key.
 */
function earliestPerSubject(facts: readonly FactRecord[]): Array<{ fact: FactRecord; date: string; all: FactRecord[] }> {
  const bySubject = new Map<string, { fact: FactRecord; date: string; all: FactRecord[] }>();
  for (const fact of facts) {
    const when = whenOf(fact);
    if (when.kind !== 'date') continue;
    const key = fact.subjectKey ?? '';
    const current = bySubject.get(key);
    if (!current) bySubject.set(key, { fact, date: when.date, all: [fact] });
    else {
      current.all.push(fact);
      if (when.date < current.date) Object.assign(current, { fact, date: when.date });
    }
  }
  return [...bySubject.values()];
}

/**
 * Inventories that state a renewal window rather than a date ("<90d"): a renewal inside 90 days of
 * the as-of date is a contract cliff for the deal team, one finding per application.
 */
function renewalWindows(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  for (const fact of env.facts.attr('app_renewal_window')) {
    const m = /^\s*(?:<|≤|under|within)\s*(\d+)\s*d/i.exec(textOf(fact.value));
    const days = m?.[1] ? Number(m[1]) : null;
    if (days === null || days > URGENT_MONTHS * 31 || fact.subjectKey === null) continue;
    if (env.facts.subjectAttr(fact.subjectKey, 'app_contract_end').length > 0) continue; // a date says more
    const name = fact.subjectName ?? 'unnamed';
    const critical = criticalFacts(env.facts, fact.subjectKey);
    out.push(
      finding({
        ruleId: 'contract.expiry', subjectKeys: [fact.subjectKey, 'app_contract_end'], type: 'risk', domain: 'applications',
        severity: escalate('medium', critical.length > 0), lens: 'day_1_continuity',
        title: `${name}: contract renews within ${days} days`,
        description: `The contract for ${name} renews within ${days} days of the document date: before or around closing. Confirm the renewal date and notice terms, and decide whether to renew, bridge or replace before the deal team loses leverage.`,
        because: `the renewal window for ${name} is stated as "${textOf(fact.value)}"${critical.length > 0 ? '; the application is rated critical' : ''}.`,
        threshold: `a renewal within ${URGENT_MONTHS} months is medium; one level more serious for critical applications`,
        asOfDate: asOf, facts: [fact, ...critical],
      }),
    );
  }
  return out;
}

function escalate(severity: Severity, yes: boolean): Severity {
  if (!yes) return severity;
  return severity === 'low' ? 'medium' : severity === 'medium' ? 'high' : 'critical';
}
