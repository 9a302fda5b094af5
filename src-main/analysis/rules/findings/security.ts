import type { AttributeName } from '../../extract/vocabulary';
import { companySubject, finding, type RuleEnv } from '../draft';
import type { FindingDraft } from '../types';
import { addMonths, boolOf, isNegative, percentOf, quoteFacts, whenOf } from '../values';

/**
 * The security programme: leadership, detection, testing and response. Facts stating absence
 * ("CISO: none") make findings; where the data room is silent on several controls at once, one
 * finding rests on those gaps, because silence on the whole programme is itself a signal.
 */

const PEN_TEST_MAX_MONTHS = 24;
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
];

export function securityFindings(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  const fired = new Set<string>();
  for (const a of ABSENCES) {
    if (fired.has(a.ruleId)) continue;
    const facts = env.facts.company(a.attribute).filter(isNegative);
    if (facts.length === 0) continue;
    fired.add(a.ruleId);
    out.push(
      finding({
        ruleId: a.ruleId, subjectKeys: [companySubject(a.ruleId)], type: 'risk', domain: 'cybersecurity', severity: a.severity, lens: 'day_1_continuity',
        title: a.title, description: a.description,
        because: `${a.attribute.replace(/_/g, ' ')} is stated as ${quoteFacts(facts)}.`, threshold: 'the control is stated as absent', asOfDate: asOf, facts,
      }),
    );
  }
  out.push(...edrGaps(env, fired.has('sec.no_edr')), ...penTest(env), ...incidents(env), ...programme(env));
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
  const stale = latest !== undefined && latest < addMonths(asOf, -PEN_TEST_MAX_MONTHS);
  if (never.length === 0 && !stale) return [];
  const title = latest && !never.length ? `Last penetration test ${latest.slice(0, 7)}` : 'No penetration test on record';
  return [
    finding({
      ruleId: 'sec.pen_test', subjectKeys: [companySubject('pen-test')], type: 'risk', domain: 'cybersecurity', severity: never.length > 0 ? 'high' : 'medium', lens: 'day_1_continuity',
      title,
      description: 'Without a recent independent test, exploitable weaknesses in internet-facing systems are unknown to the buyer.',
      because: `the last penetration test is stated as ${quoteFacts(facts)}.`, threshold: `a penetration test within ${PEN_TEST_MAX_MONTHS} months; never tested is high`, asOfDate: asOf, facts,
    }),
  ];
}

function incidents(env: RuleEnv): FindingDraft[] {
  const facts = env.facts.company('security_incident').filter((f) => !isNegative(f) && boolOf(f) !== false);
  if (facts.length === 0) return [];
  return [
    finding({
      ruleId: 'sec.incident', subjectKeys: [companySubject('incident')], type: 'risk', domain: 'cybersecurity', severity: 'medium', lens: 'day_1_continuity',
      title: 'Security incident reported',
      description: 'The data room reports a security incident. Obtain the root cause, what data was affected, notifications made and whether remediation is complete.',
      because: `an incident is described: ${quoteFacts(facts)}.`, threshold: 'any reported incident needs its closure evidenced', asOfDate: env.deal.asOfDate, facts,
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
