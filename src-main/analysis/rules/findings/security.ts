import type { AttributeName } from '../../extract/vocabulary';
import { companySubject, finding, type RuleEnv } from '../draft';
import { isSeparationDeal, parentFacts, parentFactsForArea } from '../parent-services';
import type { FactRecord, FindingDraft } from '../types';
import { addMonths, boolOf, isNegative, mentions, numberOf, percentOf, quoteFacts, textOf, whenOf, monthsBetween } from '../values';

/**
 * The security programme: leadership, detection, testing and response. Facts stating absence
 * ("CISO: none") make findings; where the data room is silent on several controls at once, one
 * finding rests on those gaps, because silence on the whole programme is itself a signal.
 */

const PEN_TEST_MAX_MONTHS = 12;
/** Checklist items whose joint absence says the programme is not evidenced. */
const PROGRAMME_ITEMS = ['SEC-01', 'SEC-03', 'SEC-05', 'SEC-06', 'SEC-08'];

interface Absence {
  ruleId: string;
  attribute: AttributeName;
  severity: 'high' | 'medium';
  title: string;
  description: string;
}

const ABSENCES: readonly Absence[] = [
  { ruleId: 'sec.no_leader', attribute: 'security_leader', severity: 'high', title: 'No security leader', description: 'Nobody is accountable for information security; risk decisions and incident handling fall to whoever is available.' },
  { ruleId: 'sec.no_leader', attribute: 'security_team_size', severity: 'high', title: 'No security staff', description: 'There is no dedicated security staff; monitoring, patching oversight and incident response have no owner.' },
  { ruleId: 'sec.no_soc', attribute: 'soc_model', severity: 'medium', title: 'No security operations centre', description: 'Nobody watches security alerts around the clock, in house or outsourced; intrusions are found late, if at all.' },
  { ruleId: 'sec.no_edr', attribute: 'edr_product', severity: 'high', title: 'No endpoint detection and response', description: 'Endpoints lack EDR; ransomware and hands-on-keyboard attacks are unlikely to be detected or contained.' },
  { ruleId: 'sec.no_siem', attribute: 'siem_product', severity: 'medium', title: 'No SIEM or central logging', description: 'Security logs are not collected centrally; incidents cannot be investigated and detection relies on luck.' },
  { ruleId: 'sec.no_ir_plan', attribute: 'incident_response_plan', severity: 'high', title: 'No incident response plan', description: 'There is no incident response plan; an attack would be handled ad hoc, with slower containment and notification risk.' },
  { ruleId: 'sec.no_vuln_mgmt', attribute: 'vulnerability_management', severity: 'high', title: 'No vulnerability scanning or patch management', description: 'Nobody scans for vulnerabilities or tracks patching; known exploitable weaknesses stay open until an attacker finds them.' },
  { ruleId: 'sec.no_email_security', attribute: 'email_security', severity: 'medium', title: 'No email security', description: 'Email is not filtered for phishing and malware beyond basic spam filtering; phishing is the most common way in.' },
];

const SECURITY_AREAS = ['security', 'security operations', 'soc', 'siem', 'edr', 'incident response', 'security stack'];
const EMPLOYEES_FOR_CRITICAL = 1000;

/** In a separation where the parent runs security today, missing controls are the separation's work, not absences. */
function parentRunsSecurity(env: RuleEnv): boolean {
  if (!isSeparationDeal(env.deal.dealType)) return false;
  return parentFactsForArea(parentFacts(env.facts), SECURITY_AREAS).length > 0 || env.facts.company('soc_model').some((f) => mentions(textOf(f.value), ['parent provided']));
}

/** A statement somewhere that the control exists: the documents disagree rather than agree on its absence. */
function statedPresent(facts: readonly FactRecord[]): boolean {
  return facts.some((f) => !isNegative(f) && (f.value.type !== 'number' || f.value.number > 0));
}

/** No one in charge of security is critical when nothing detects attacks either, an attack has happened, or the company is large. */
function leaderSeverity(env: RuleEnv): { severity: 'critical' | 'high'; why: string } {
  const blind = [...env.facts.company('edr_product'), ...env.facts.company('siem_product')].filter(isNegative);
  const incident = env.facts.company('security_incident').filter((f) => !isNegative(f));
  const employees = Math.max(0, ...env.facts.company('employee_count').map((f) => numberOf(f) ?? 0));
  const reasons = [
    blind.length > 0 ? `detection tooling is also absent (${quoteFacts(blind)})` : '',
    incident.length > 0 ? 'a security incident is on record' : '',
    employees >= EMPLOYEES_FOR_CRITICAL ? `the company has ${employees} employees` : '',
  ].filter(Boolean);
  return reasons.length > 0 ? { severity: 'critical', why: `; ${reasons.join('; ')}` } : { severity: 'high', why: '' };
}

export function securityFindings(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  const fired = new Set<string>();
  const parentRuns = parentRunsSecurity(env);
  for (const a of ABSENCES) {
    if (fired.has(a.ruleId) || (parentRuns && a.ruleId !== 'sec.no_vuln_mgmt' && a.ruleId !== 'sec.no_email_security')) continue;
    const stated = env.facts.company(a.attribute);
    const facts = stated.filter(isNegative);
    if (facts.length === 0) continue;
    fired.add(a.ruleId);
    // Another document naming the control makes this a disagreement (raised as such), not an absence.
    if (statedPresent(stated) || (a.ruleId === 'sec.no_leader' && statedPresent([...env.facts.company('security_leader'), ...env.facts.company('security_team_size')]))) continue;
    const leader = a.ruleId === 'sec.no_leader' ? leaderSeverity(env) : null;
    out.push(
      finding({
        ruleId: a.ruleId, subjectKeys: [companySubject(a.ruleId)], type: 'risk', domain: 'cybersecurity', severity: leader?.severity ?? a.severity, lens: 'day_1_continuity',
        title: a.title, description: a.description,
        because: `${a.attribute.replace(/_/g, ' ')} is stated as ${quoteFacts(facts)}${leader?.why ?? ''}.`,
        threshold: a.ruleId === 'sec.no_leader' ? `the control is stated as absent; critical when detection is also absent, an incident is on record or the company has ${EMPLOYEES_FOR_CRITICAL}+ employees` : 'the control is stated as absent',
        asOfDate: asOf, facts,
      }),
    );
  }
  out.push(...edrGaps(env, fired.has('sec.no_edr')), ...penTest(env), ...incidents(env), ...(parentRuns ? [] : programme(env)));
  return out;
}

function edrGaps(env: RuleEnv, noEdrFired: boolean): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  const edr = env.facts.company('edr_product').filter((f) => !isNegative(f));
  const av = env.facts.company('antivirus_product').filter((f) => !isNegative(f));
  if (!noEdrFired && edr.length === 0 && av.length > 0) {
    out.push(
      finding({
        ruleId: 'sec.no_edr', subjectKeys: [companySubject('sec.no_edr')], type: 'risk', domain: 'cybersecurity', severity: 'medium', lens: 'day_1_continuity',
        title: 'Antivirus only, no EDR',
        description: 'Endpoints run signature antivirus without endpoint detection and response; modern ransomware routinely evades it.',
        because: `antivirus is stated (${quoteFacts(av)}) and no EDR product is.`, threshold: 'EDR on all endpoints', asOfDate: asOf, facts: av,
      }),
    );
  }
  const partial = env.facts.company('edr_coverage').filter((f) => (percentOf(f) ?? 100) < 100);
  if (partial.length > 0) {
    const lowest = Math.min(...partial.map((f) => percentOf(f) ?? 100));
    out.push(
      finding({
        ruleId: 'sec.edr_coverage', subjectKeys: [companySubject('edr-coverage')], type: 'risk', domain: 'cybersecurity', severity: lowest < 80 ? 'high' : 'medium', lens: 'day_1_continuity',
        title: `EDR covers ${lowest}% of endpoints`,
        description: 'Endpoints without EDR are blind spots where an attacker can operate undetected.',
        because: `EDR coverage is stated as ${quoteFacts(partial)}.`, threshold: '100% coverage; below 80% is high', asOfDate: asOf, facts: [...partial, ...edr],
      }),
    );
  }
  return out;
}

function penTest(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const facts = env.facts.company('last_pen_test');
  const never = facts.filter((f) => whenOf(f).kind === 'never');
  const dates = facts.flatMap((f) => {
    const w = whenOf(f);
    return w.kind === 'date' ? [w.date] : [];
  });
  const latest = dates.sort().pop();
  const latestFact = facts.find((f) => { const w = whenOf(f); return w.kind === 'date' && w.date === latest; });
  const stale = latest !== undefined && latest < addMonths(asOf, -PEN_TEST_MAX_MONTHS);
  // A dated test means one was done: "never" beside it speaks of another scope ("no internal test").
  if (latest !== undefined && !stale) return [];
  if (latest === undefined && never.length === 0) return [];
  const when = latestFact ? periodOf(latestFact) : '';
  const otherScope = latest !== undefined && never.length > 0;
  const title = latest ? `Last penetration test ${when}, over ${PEN_TEST_MAX_MONTHS} months before the as-of date` : 'No penetration test on record';
  return [
    finding({
      ruleId: 'sec.pen_test', subjectKeys: [companySubject('pen-test')], type: 'risk', domain: 'cybersecurity',
      severity: latest === undefined || otherScope ? 'high' : 'medium', lens: 'day_1_continuity',
      title,
      description: latest
        ? `The last penetration test on record is from ${when}, ${monthsBetween(latest, asOf)} months before the as-of date${otherScope ? `, and the documents say some scope was never tested (${quoteFacts(never)})` : ''}. Its findings no longer describe today's systems; exploitable weaknesses introduced since are unknown to the buyer. Ask for a current test before closing.`
        : 'Without a recent independent test, exploitable weaknesses in internet-facing systems are unknown to the buyer.',
      because: `the last penetration test is stated as ${quoteFacts(facts)}${latest ? `; read as ${when}, ${monthsBetween(latest, asOf)} months before the as-of date (a month or year is credited with its last day)` : ''}.`,
      threshold: `a penetration test within ${PEN_TEST_MAX_MONTHS} months; a stale test is medium, high when never tested or when a scope was never tested`,
      asOfDate: asOf, facts,
    }),
  ];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The period a date fact names, as written: "2023", "March 2023", "15 March 2023". */
function periodOf(fact: FactRecord): string {
  const raw = fact.value.type === 'date' ? fact.value.date : textOf(fact.value);
  const quarter = /\b(Q[1-4])\s*((?:19|20)\d{2})\b/i.exec(raw);
  if (quarter?.[1] && quarter[2]) return `${quarter[1].toUpperCase()} ${quarter[2]}`;
  const named = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d{2})\b/i.exec(raw);
  if (named?.[1] && named[2]) return `${MONTHS.find((m) => m.toLowerCase().startsWith((named[1] ?? '').toLowerCase())) ?? named[1]} ${named[2]}`;
  const iso = /\b((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?\b/.exec(raw);
  if (!iso?.[1]) return raw;
  const month = iso[2] ? MONTHS[Number(iso[2]) - 1] : undefined;
  if (!month) return iso[1];
  return iso[3] ? `${Number(iso[3])} ${month} ${iso[1]}` : `${month} ${iso[1]}`;
}

const GRAVE_INCIDENT = ['ransomware', 'ransom', 'exfiltrated', 'exfiltration', 'forwarded', 'external address', 'customer data', 'breach', 'never disclosed', 'not disclosed', 'undisclosed', 'data leak'];

function incidents(env: RuleEnv): FindingDraft[] {
  const facts = env.facts.company('security_incident').filter((f) => !isNegative(f) && boolOf(f) !== false);
  if (facts.length === 0) return [];
  const grave = facts.filter((f) => mentions(textOf(f.value), GRAVE_INCIDENT));
  return [
    finding({
      ruleId: 'sec.incident', subjectKeys: [companySubject('incident')], type: 'risk', domain: 'cybersecurity', severity: grave.length > 0 ? 'high' : 'medium', lens: 'day_1_continuity',
      title: grave.length > 0 ? 'Security incident with data loss, extortion or non-disclosure' : 'Security incident reported',
      description: 'The data room reports a security incident. Obtain the root cause, what data was affected, notifications made and whether remediation is complete.',
      because: `an incident is described: ${quoteFacts(facts)}${grave.length > 0 ? '; it involved ransomware, data leaving the company, or disclosure not made' : ''}.`,
      threshold: 'any reported incident needs its closure evidenced; high when it involved ransomware, exfiltration, exposed customer data or undisclosed notification',
      asOfDate: env.deal.asOfDate, facts,
    }),
  ];
}

function programme(env: RuleEnv): FindingDraft[] {
  const missing = PROGRAMME_ITEMS.filter((id) => env.gaps.get(id)?.kind === 'missing');
  if (missing.length < 2) return [];
  const titles = missing.map((id) => env.gaps.get(id)?.title ?? id);
  return [
    finding({
      ruleId: 'sec.programme_not_evidenced', subjectKeys: [companySubject('security-programme')], type: 'risk', domain: 'cybersecurity',
      severity: missing.length >= 4 ? 'high' : 'medium', lens: 'day_1_continuity',
      title: 'Security programme not evidenced',
      description: `The data room says nothing about: ${titles.join('; ')}. Until the target answers, assume these controls may be absent.`,
      because: `checklist items ${missing.join(', ')} are missing gaps.`, threshold: 'two or more core security controls not evidenced; four or more is high',
      asOfDate: env.deal.asOfDate, gapItems: missing,
    }),
  ];
}
