import type { Severity, WorkPhase } from '../../../../src-shared/domain';
import { benchmarkCost, companySize, type ActivityId } from '../benchmarks';
import { companySubject, finding, type RuleEnv } from '../draft';
import { compare, type FactIndex } from '../fact-index';
import { isConstraintLine, isSeparationDeal, parentFacts, parentFactsForArea, parentFactText } from '../parent-services';
import type { FactRecord, FindingDraft } from '../types';
import { formatMoney, mentions, numberOf, quoteFacts, textOf } from '../values';

/**
 * The work a separation creates, service by service: what must work on Day 1 without a TSA line,
 * the exit from each TSA line within its term, a shared ERP to split, parent-hosted applications,
 * a security function and certifications the parent provides today.
 */

const IDENTITY = ['identity', 'active directory', 'azure ad', 'entra', 'entra id', 'directory', 'okta', 'sso', 'single sign on', 'mfa', 'authentication'];
const EMAIL = ['email', 'e mail', 'mail', 'exchange', 'exchange online', 'microsoft 365', 'm365', 'office 365', 'collaboration'];
const ERP = ['erp', 'sap', 's 4hana', 'sap s 4hana', 'netsuite', 'oracle ebs', 'e business suite'];
const SECURITY = ['security', 'security operations', 'soc', 'siem', 'edr', 'incident response', 'security stack'];

interface Area {
  words: readonly string[];
  label: string;
  activity: ActivityId;
  critical: boolean;
}

/** What a TSA line is about, for its severity and the benchmark that prices its exit. */
const AREAS: readonly Area[] = [
  { words: IDENTITY, label: 'identity', activity: 'IAM-003', critical: true },
  { words: EMAIL, label: 'email', activity: 'CLOUD-003', critical: true },
  { words: ERP, label: 'ERP', activity: 'ERP-002', critical: true },
  { words: ['billing', 'revenue management'], label: 'billing', activity: 'APP-003', critical: true },
  { words: SECURITY, label: 'security', activity: 'SEC-013', critical: true },
  { words: ['network', 'connectivity', 'wan', 'mpls'], label: 'network', activity: 'INFRA-002', critical: false },
  { words: ['hosting', 'data center', 'data centre', 'infrastructure'], label: 'hosting', activity: 'INFRA-001', critical: true },
  { words: ['service desk', 'itsm', 'help desk'], label: 'service desk', activity: 'ITSM-001', critical: false },
  { words: ['hr', 'payroll', 'workday'], label: 'HR and payroll', activity: 'HCM-002', critical: false },
];

function areaOf(text: string): Area | undefined {
  return AREAS.find((a) => mentions(text, a.words));
}

/** TSA lines (subjects) with a term, whose name mentions one of `words`. */
function tsaLinesFor(index: FactIndex, words: readonly string[]): string[] {
  return index.subjectsOfKind('tsa_service').filter((key) => mentions(index.subjectName(key), words) && index.subjectAttr(key, 'tsa_duration_months').length > 0);
}

export function separationFindings(env: RuleEnv): FindingDraft[] {
  if (!isSeparationDeal(env.deal.dealType)) return [];
  const parent = parentFacts(env.facts);
  return [...dayOne(env, parent), ...tsaExits(env), ...sharedErp(env, parent), ...parentHosted(env), ...securityFunction(env, parent), ...certifications(env)];
}

function dayOne(env: RuleEnv, parent: readonly FactRecord[]): FindingDraft[] {
  const uncovered = [
    { label: 'identity (directory, single sign-on, MFA)', facts: parentFactsForArea(parent, IDENTITY), covered: tsaLinesFor(env.facts, IDENTITY) },
    { label: 'email and collaboration', facts: parentFactsForArea(parent, EMAIL), covered: tsaLinesFor(env.facts, EMAIL) },
  ].filter((a) => a.facts.length > 0 && a.covered.length === 0);
  if (uncovered.length === 0) return [];
  const facts = uncovered.flatMap((a) => a.facts);
  const cost = benchmarkCost('IAM-003', companySize(env.facts));
  const areas = uncovered.map((a) => a.label).join(' and ');
  return [
    finding({
      ruleId: 'carveout.day1_identity_email', subjectKeys: [companySubject('day1-identity-email')], type: 'work_item', domain: 'identity_access',
      severity: 'critical', lens: 'day_1_continuity', phase: 'day_1', costBand: cost.band,
      title: `Day 1: ${areas} run on the parent's services with no TSA line`,
      description: `Users must sign in and email must flow on Day 1. Today the parent provides ${areas} (${[...new Set(facts.map((f) => parentFactText(f).trim()))].sort(compare).slice(0, 6).join('; ')}). Either add these to the TSA before signing or stand up the target's own tenant and directory for Day 1.`,
      because: `${facts.length} fact${facts.length === 1 ? '' : 's'} state the parent provides ${areas}, and no TSA line with a term covers it. Cost band from ${cost.note}.`,
      threshold: 'identity and email are Day-1 services: each needs a TSA line or a standalone replacement by closing',
      asOfDate: env.deal.asOfDate, facts,
    }),
  ];
}

function tsaExits(env: RuleEnv): FindingDraft[] {
  const size = companySize(env.facts);
  const out: FindingDraft[] = [];
  for (const key of env.facts.subjectsOfKind('tsa_service')) {
    const terms = env.facts.subjectAttr(key, 'tsa_duration_months');
    const months = Math.min(...terms.map((f) => numberOf(f) ?? Infinity));
    if (!Number.isFinite(months)) continue;
    const name = env.facts.subjectName(key);
    // A residency rule in the TSA plan is not a parent service to exit (data.residency raises it).
    if (isConstraintLine(name)) continue;
    const area = areaOf(name);
    const monthly = env.facts.subjectAttr(key, 'tsa_monthly_cost');
    const fee = monthly.map(numberOf).find((n): n is number => n !== null);
    const currency = monthly.find((f) => f.value.type === 'money')?.value;
    const money = (n: number): string => formatMoney(n, currency?.type === 'money' ? currency.currency : 'USD');
    const cost = benchmarkCost(area?.activity ?? 'MA-003', size);
    const phase: WorkPhase = months <= 3 ? 'day_100' : 'post_100';
    const severity: Severity = area?.critical ? 'high' : 'medium';
    out.push(
      finding({
        ruleId: 'carveout.tsa_exit', subjectKeys: [key], type: 'work_item', domain: 'organization', severity, lens: 'tsa_exposure', phase, costBand: cost.band,
        title: `Exit the TSA for ${name} within ${months} month${months === 1 ? '' : 's'}`,
        description: `The parent provides ${name} under a TSA for ${months} month${months === 1 ? '' : 's'}${fee !== undefined ? ` at ${money(fee)} a month (${money(fee * months)} over the term)` : ''}. Plan, fund and test the replacement so the service is cut over before the term ends; an extension usually costs a premium.`,
        because: `the TSA line "${name}" states a term of ${months} month${months === 1 ? '' : 's'}${fee !== undefined ? ` and ${money(fee)} a month` : ''}${area ? `; it covers ${area.label}` : ''}. Cost band from ${cost.note}.`,
        threshold: 'every TSA line needs a funded exit completed inside its term; identity, email, ERP, billing, security and hosting lines are high',
        asOfDate: env.deal.asOfDate, facts: [...terms, ...monthly, ...env.facts.subjectAttr(key, 'tsa_provider')],
      }),
    );
  }
  return out;
}

function sharedErp(env: RuleEnv, parent: readonly FactRecord[]): FindingDraft[] {
  const facts = parentFactsForArea(parent, ERP);
  if (facts.length === 0) return [];
  const related = env.facts.company('erp_platform');
  const shared = [...facts, ...related].some((f) => /shared (?:instance|client)|company code|single global|same instance/i.test(`${textOf(f.value)} ${f.evidence.map((e) => e.quote).join(' ')}`));
  const cost = benchmarkCost('ERP-002', companySize(env.facts));
  return [
    finding({
      ruleId: 'carveout.erp_separation', subjectKeys: [companySubject('erp-separation')], type: 'work_item', domain: 'applications',
      severity: shared ? 'critical' : 'high', lens: 'separation_complexity', phase: 'post_100', costBand: cost.band,
      title: shared ? "Separate the target's ERP from the parent's shared instance" : 'Separate the ERP the parent provides',
      description: `The target runs its ERP on the parent's platform (${quoteFacts(facts)}). Separation means cloning and splitting the instance, a new instance or another ERP, with master data and intercompany transactions to untangle; it is usually the critical path of the separation and the largest one-off cost.`,
      because: `the parent provides ERP services${shared ? ' from a shared instance' : ''}: ${quoteFacts(facts)}. Cost band from ${cost.note}.`,
      threshold: 'an ERP provided by the parent must be separated; critical when it is one shared instance',
      asOfDate: env.deal.asOfDate, facts: [...facts, ...related],
    }),
  ];
}

function parentHosted(env: RuleEnv): FindingDraft[] {
  return env.facts.attr('app_parent_dependency').filter((f) => mentions(textOf(f.value), ['parent hosted', 'tsa locked'])).map((fact) => {
    const name = fact.subjectName ?? 'An application';
    const until = /day-?\d+/i.exec(textOf(fact.value))?.[0];
    return finding({
      ruleId: 'carveout.parent_hosted_app', subjectKeys: [fact.subjectKey ?? companySubject('parent-hosted')], type: 'risk', domain: 'applications',
      severity: 'high', lens: 'tsa_exposure',
      title: `${name} is hosted by the parent${until ? ` until ${until}` : ''}`,
      description: `${name} runs on the parent's hosting under a TSA${until ? ` until ${until}` : ''}. The buyer cannot change or move it before then, depends on the parent's service levels, and must have its own hosting ready and tested by that date.`,
      because: `the inventory marks ${name} as "${textOf(fact.value)}".`,
      threshold: 'an application hosted by the parent is a TSA dependency with a hard exit date',
      asOfDate: env.deal.asOfDate, facts: [fact],
    });
  });
}

function securityFunction(env: RuleEnv, parent: readonly FactRecord[]): FindingDraft[] {
  const fromParent = [...parentFactsForArea(parent, SECURITY), ...env.facts.company('soc_model').filter((f) => mentions(textOf(f.value), ['parent provided']))];
  if (fromParent.length === 0) return [];
  const own = env.facts.company('security_team_size').map(numberOf).filter((n): n is number => n !== null);
  if (own.some((n) => n >= 3)) return [];
  const cost = benchmarkCost('SEC-013', companySize(env.facts));
  return [
    finding({
      ruleId: 'carveout.security_function', subjectKeys: [companySubject('standalone-security')], type: 'work_item', domain: 'cybersecurity',
      severity: 'high', lens: 'separation_complexity', phase: 'day_100', costBand: cost.band,
      title: 'Build or buy a standalone security function before the TSA ends',
      description: `Security monitoring, incident response and security tooling come from the parent today (${quoteFacts(fromParent)}), and the target has ${own.length > 0 ? `${Math.max(...own)} security staff of its own` : 'no security staff of its own stated'}. A SOC (in-house or managed), incident response, and its own EDR, SIEM and PAM tenants must be in place before the parent's coverage stops.`,
      because: `the parent provides security operations (${quoteFacts(fromParent)}); own security staff: ${own.length > 0 ? own.join(', ') : 'not stated'}. Cost band from ${cost.note}.`,
      threshold: 'a separated company needs its own security operations by the end of the TSA; three or more own security staff is taken as a function to build on',
      asOfDate: env.deal.asOfDate, facts: fromParent,
    }),
  ];
}

function certifications(env: RuleEnv): FindingDraft[] {
  const covered = env.facts.attr('certification_status').filter((f) => mentions(textOf(f.value), ['covered by parent']));
  if (covered.length === 0) return [];
  const names = [...new Set(covered.map((f) => f.subjectName ?? 'certification'))].sort(compare);
  const cost = benchmarkCost('SEC-005', companySize(env.facts));
  return [
    finding({
      ruleId: 'certification.parent_covered', subjectKeys: [companySubject('parent-certifications')], type: 'work_item', domain: 'cybersecurity',
      severity: 'medium', lens: 'separation_complexity', phase: 'post_100', costBand: cost.band,
      title: `Obtain own ${names.join(' and ')} after separation`,
      description: `${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} held through the parent's programme today. After separation the target needs its own scope, controls and audit; customers that require ${names.length === 1 ? 'it' : 'them'} must be told what covers the gap.`,
      because: `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} stated as covered by the parent. Cost band from ${cost.note}.`,
      threshold: 'a certification inherited from the parent lapses for the separated company',
      asOfDate: env.deal.asOfDate, facts: covered,
    }),
  ];
}
