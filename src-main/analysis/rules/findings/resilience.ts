import { benchmarkCost, companySize } from '../benchmarks';
import { companySubject, finding, type RuleEnv } from '../draft';
import type { FactRecord, FindingDraft } from '../types';
import { addMonths, boolOf, isNegative, isNone, labelFacts, mentions, numberOf, quoteFacts, textOf, whenOf } from '../values';

/** Backup, disaster recovery and site risk: can the business recover from losing its systems? */

const DR_TEST_MAX_MONTHS = 24;
const FLOOD = ['flood', 'flood zone', 'floodplain', 'flood plain', 'river', 'coastal', 'hurricane', 'storm surge'];
const SITE_HAZARDS = [...FLOOD, 'single power', 'no generator', 'no ups', 'earthquake', 'seismic', 'basement', 'no fire suppression', 'fire', 'single point of failure', 'no redundancy', 'office closet', 'not redundant'];

export function resilienceFindings(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  const f = env.facts;

  const noDr = [...f.company('dr_in_place').filter((x) => boolOf(x) === false), ...f.company('dr_site').filter(isNegative)];
  const drPositive = [...f.company('dr_in_place').filter((x) => boolOf(x) === true), ...f.company('dr_site').filter((x) => !isNegative(x))];
  const neverTested = f.company('last_dr_test').filter((x) => whenOf(x).kind === 'never');
  const offsiteMissing = f.company('backup_offsite_or_immutable').filter((x) => boolOf(x) === false);
  const size = companySize(f);

  if (noDr.length > 0) {
    const cost = benchmarkCost('DR-004', size);
    const severity = offsiteMissing.length > 0 ? 'critical' : 'high';
    const because = `disaster recovery is stated as absent (${labelFacts(noDr)})${offsiteMissing.length > 0 ? ', and backups have no offsite or immutable copy' : ''}.`;
    out.push(
      finding({
        ruleId: 'dr.absent', subjectKeys: [companySubject('dr')], type: 'risk', domain: 'infrastructure', severity, lens: 'day_1_continuity',
        title: 'No disaster recovery capability',
        description: 'There is no recovery site or tested recovery plan: losing the primary site would stop the business for days or weeks.',
        because, threshold: 'no DR capability is high; critical when backups also lack an offsite copy', asOfDate: asOf, facts: [...noDr, ...neverTested, ...offsiteMissing],
      }),
      finding({
        ruleId: 'dr.build', subjectKeys: [companySubject('dr')], type: 'work_item', domain: 'infrastructure', severity, lens: 'day_1_continuity',
        phase: 'day_100', costBand: cost.band,
        title: 'Establish disaster recovery for critical systems',
        description: 'Define RTO/RPO for critical systems, stand up a recovery site (or the buyer’s) and prove it with a test.',
        because: `${because} Cost band from ${cost.note}.`, threshold: 'every critical system needs a tested recovery path', asOfDate: asOf, facts: noDr,
      }),
    );
  } else if (neverTested.length > 0) {
    out.push(
      finding({
        ruleId: 'dr.untested', subjectKeys: [companySubject('dr-test')], type: 'risk', domain: 'infrastructure', severity: 'high', lens: 'day_1_continuity',
        title: 'Disaster recovery has never been tested',
        description: 'A recovery plan that has never been exercised cannot be relied on; recovery times are unknown.',
        because: `the last DR test is stated as ${quoteFacts(neverTested)}.`, threshold: 'a DR test within 24 months', asOfDate: asOf, facts: [...neverTested, ...drPositive],
      }),
    );
  } else {
    const dated = f.company('last_dr_test').map((x) => ({ x, w: whenOf(x) }));
    const latest = dated.flatMap(({ w }) => (w.kind === 'date' ? [w.date] : [])).sort().pop();
    if (latest && latest < addMonths(asOf, -DR_TEST_MAX_MONTHS)) {
      out.push(
        finding({
          ruleId: 'dr.untested', subjectKeys: [companySubject('dr-test')], type: 'risk', domain: 'infrastructure', severity: 'medium', lens: 'day_1_continuity',
          title: `Disaster recovery last tested ${latest.slice(0, 7)}`,
          description: `The last DR test was over ${DR_TEST_MAX_MONTHS} months before the as-of date; systems and staff have changed since.`,
          because: `the most recent DR test stated is ${latest} (${quoteFacts(dated.map((d) => d.x))}).`,
          threshold: `a DR test within ${DR_TEST_MAX_MONTHS} months`, asOfDate: asOf, facts: dated.map((d) => d.x),
        }),
      );
    }
  }

  if (offsiteMissing.length > 0) {
    out.push(
      finding({
        ruleId: 'backup.no_offsite', subjectKeys: [companySubject('backup')], type: 'risk', domain: 'infrastructure', severity: 'high', lens: 'day_1_continuity',
        title: 'Backups have no offsite or immutable copy',
        description: 'Ransomware and site loss destroy backups kept beside production; without an offline or immutable copy, recovery may be impossible.',
        because: `the backup copy is stated as absent (${labelFacts(offsiteMissing)}).`,
        threshold: 'at least one offline, offsite or immutable backup copy', asOfDate: asOf, facts: [...offsiteMissing, ...f.company('backup_product')],
      }),
    );
  }
  const restoreNever = f.company('last_restore_test').filter((x) => whenOf(x).kind === 'never');
  if (restoreNever.length > 0) {
    out.push(
      finding({
        ruleId: 'backup.restore_untested', subjectKeys: [companySubject('restore-test')], type: 'risk', domain: 'infrastructure', severity: 'medium', lens: 'day_1_continuity',
        title: 'Backups have never been test-restored',
        description: 'Backups that have never been restored may not be restorable; the first real test would be during an incident.',
        because: `the last restore test is stated as ${quoteFacts(restoreNever)}.`, threshold: 'a documented restore test', asOfDate: asOf, facts: restoreNever,
      }),
    );
  }
  out.push(...recoveryGaps(env), ...siteRisks(env, drPositive, noDr));
  return out;
}

/** Recovery that takes longer than its target, and systems that no backup covers. */
function recoveryGaps(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  const actual = env.facts.company('rto_actual_hours').filter((x) => (numberOf(x) ?? 0) > 0);
  const targets = env.facts.company('rto_hours').filter((x) => numberOf(x) !== null);
  const worstActual = Math.max(...actual.map((x) => numberOf(x) ?? 0));
  // Measured against the most generous target stated, so a tiered target never manufactures a gap.
  const loosestTarget = Math.max(...targets.map((x) => numberOf(x) ?? 0));
  if (actual.length > 0 && targets.length > 0 && worstActual > loosestTarget) {
    out.push(
      finding({
        ruleId: 'dr.rto_unmet', subjectKeys: [companySubject('rto-unmet')], type: 'risk', domain: 'infrastructure',
        severity: worstActual >= 2 * loosestTarget ? 'high' : 'medium', lens: 'day_1_continuity',
        title: `Recovery takes up to ${hoursText(worstActual)} against a ${hoursText(loosestTarget)} target`,
        description: `The recovery time actually achievable (${quoteFacts(actual)}) is longer than the stated target (${quoteFacts(targets)}). The business would be down longer than it has planned for; the DR capability is overstated.`,
        because: `actual recovery ${worstActual} hours against the longest stated RTO target of ${loosestTarget} hours.`,
        threshold: 'an actual or estimated recovery time longer than the RTO target; high at twice the target or more',
        asOfDate: asOf, facts: [...actual, ...targets],
      }),
    );
  }
  const outside = env.facts.company('backup_scope_gap');
  if (outside.length > 0) {
    const cost = benchmarkCost('DR-001', companySize(env.facts));
    out.push(
      finding({
        ruleId: 'backup.scope_gap', subjectKeys: [companySubject('backup-scope')], type: 'risk', domain: 'infrastructure', severity: 'high', lens: 'day_1_continuity',
        title: 'Systems outside backup',
        description: `Some systems or data are not backed up (${quoteFacts(outside)}). Their loss to a failure or ransomware would be permanent; bring them into scope and prove a restore. Remediation is priced like ${cost.note}.`,
        because: `the documents state ${quoteFacts(outside)}.`,
        threshold: 'any system or data set stated as not covered by backups',
        asOfDate: asOf, facts: outside,
      }),
    );
  }
  return out;
}

function hoursText(h: number): string {
  return h >= 48 && h % 24 === 0 ? `${h / 24} days` : `${h} hours`;
}

function siteRisks(env: RuleEnv, drPositive: readonly FactRecord[], noDr: readonly FactRecord[]): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  // isNone, not isNegative: "no fire suppression" is a hazard, "none" is not.
  const hazards = env.facts.attr('data_center_risk').filter((x) => !isNone(x) && mentions(textOf(x.value), SITE_HAZARDS));
  const bySite = new Map<string, FactRecord[]>();
  for (const fact of hazards) {
    const key = fact.subjectKey ?? companySubject('site-risk');
    bySite.set(key, [...(bySite.get(key) ?? []), fact]);
  }
  const sites = env.facts.subjectsOfKind('data_center');
  // With no recovery anywhere else, losing the one site stops the business outright.
  const nowhereElse = noDr.length > 0 && drPositive.length === 0 && sites.length <= 1;
  for (const [key, facts] of bySite) {
    const flood = facts.some((x) => mentions(textOf(x.value), FLOOD));
    const site = facts[0]?.subjectName ?? 'The primary site';
    const severity = flood ? (nowhereElse ? 'critical' : 'high') : 'medium';
    out.push(
      finding({
        ruleId: 'site.hazard', subjectKeys: [key], type: 'risk', domain: 'infrastructure', severity, lens: 'day_1_continuity',
        title: `${site}: ${flood ? 'flood-zone' : 'physical'} site risk`,
        description: `${site} carries a physical risk (${quoteFacts(facts)}).${drPositive.length === 0 ? ' No recovery site is evidenced.' : ''}`,
        because: `the site risk is described as ${quoteFacts(facts)}${nowhereElse ? '; it is the only data centre and disaster recovery is stated as absent' : ''}.`,
        threshold: 'flood exposure is high, critical when it is the only site and there is no DR; other physical hazards medium',
        asOfDate: asOf, facts: nowhereElse ? [...facts, ...noDr] : facts,
      }),
    );
  }
  const cloud = env.facts.attr('cloud_provider_used').some((x) => boolOf(x) !== false) || env.facts.subjectsOfKind('cloud_provider').length > 0;
  const onlySite = sites[0];
  if (sites.length === 1 && onlySite && drPositive.length === 0 && !cloud) {
    const facts = env.facts.subject(onlySite);
    out.push(
      finding({
        ruleId: 'site.single', subjectKeys: [onlySite], type: 'risk', domain: 'infrastructure', severity: 'medium', lens: 'day_1_continuity',
        title: `Single data centre: ${env.facts.subjectName(onlySite)}`,
        description: 'All systems run in one data centre with no recovery site or cloud alternative evidenced; the site is a single point of failure.',
        because: 'one data centre is described, and no DR site, DR capability or cloud hosting is stated.', threshold: 'a second site or cloud recovery for critical systems',
        asOfDate: asOf, facts,
      }),
    );
  }
  return out;
}
