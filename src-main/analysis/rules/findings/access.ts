import type { Severity } from '../../../../src-shared/domain';
import { benchmarkCost, companySize } from '../benchmarks';
import { companySubject, finding, worse, type RuleEnv } from '../draft';
import type { FindingDraft } from '../types';
import { boolOf, labelFacts, mentions, percentOf, quoteFacts, textOf, words } from '../values';

/** Identity and remote-access findings: MFA coverage, shared admin accounts, RDP exposure. */

export function accessFindings(env: RuleEnv): FindingDraft[] {
  return [...mfa(env), ...sharedAdmins(env), ...remoteAccess(env)];
}

function mfaSeverity(coverage: number): Severity {
  if (coverage < 50) return 'critical';
  if (coverage < 90) return 'high';
  return 'medium';
}

function mfa(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const low = env.facts.company('mfa_coverage').filter((f) => (percentOf(f) ?? 100) < 100);
  const notEnforced = env.facts.company('mfa_enforced').filter((f) => boolOf(f) === false);
  if (low.length === 0 && notEnforced.length === 0) return [];
  const lowest = Math.min(...low.map((f) => percentOf(f) ?? 100));
  let severity: Severity = low.length > 0 ? mfaSeverity(lowest) : 'high';
  if (notEnforced.length > 0) severity = worse(severity, 'high');
  const coverage = low.length > 0 ? `MFA covers ${lowest}% of users` : 'MFA is not enforced for all users';
  const cost = benchmarkCost('IAM-007', companySize(env.facts));
  const facts = [...low, ...notEnforced];
  return [
    finding({
      ruleId: 'iam.mfa', subjectKeys: [companySubject('mfa')], type: 'risk', domain: 'identity_access', severity, lens: 'day_1_continuity',
      title: `${coverage}`,
      description: `${coverage}${low.length > 0 && notEnforced.length > 0 ? ' and it is not enforced' : ''}. Accounts without MFA are the usual entry point for ransomware and business-email compromise, and insurers increasingly require full coverage.`,
      because: `stated coverage ${low.length > 0 ? quoteFacts(low) : 'not given'}; enforcement ${notEnforced.length > 0 ? 'stated as off' : 'not stated as off'}.`,
      threshold: 'anything below 100% coverage; below 90% is high, below 50% critical; not enforced is high',
      asOfDate: asOf, facts,
    }),
    finding({
      ruleId: 'iam.mfa_rollout', subjectKeys: [companySubject('mfa')], type: 'work_item', domain: 'identity_access', severity, lens: 'day_1_continuity',
      phase: 'day_1', costBand: cost.band,
      title: 'Enforce MFA for every user and administrator',
      description: 'Close the MFA gap before the networks are connected: enforce MFA for all users, email, remote access and administrators (phishing-resistant for admins).',
      because: `${coverage}; cost band from ${cost.note}.`,
      threshold: 'full MFA coverage is a precondition for connecting to the buyer',
      asOfDate: asOf, facts,
    }),
  ];
}

function sharedAdmins(env: RuleEnv): FindingDraft[] {
  const shared = env.facts.company('shared_admin_accounts').filter((f) => boolOf(f) === true);
  if (shared.length === 0) return [];
  return [
    finding({
      ruleId: 'iam.shared_admin', subjectKeys: [companySubject('shared-admin')], type: 'risk', domain: 'identity_access', severity: 'high', lens: 'day_1_continuity',
      title: 'Shared or generic administrator accounts in use',
      description: 'Administrators share generic accounts, so privileged actions cannot be traced to a person and leavers keep working credentials.',
      because: 'a document states that shared or generic admin accounts are in use.',
      threshold: 'any shared privileged account',
      asOfDate: env.deal.asOfDate, facts: shared,
    }),
  ];
}

const RDP = ['rdp', 'remote desktop', '3389'];
const EXPOSED = ['exposed', 'internet', 'public', 'open', 'directly', 'direct', 'port forward', 'port forwarding', 'published'];
// Statements that RDP is NOT exposed; a bare "no" elsewhere ("RDP open, no VPN") must not count.
const RDP_SAFE = /\b(?:no (?:rdp|remote desktop)|(?:rdp|remote desktop|3389) (?:is |are )?(?:not|never|blocked|closed|disabled)|not (?:exposed|open|published)|blocked|closed|disabled|behind (?:the |a )?vpn|only (?:via|through|over) (?:the |a )?vpn)\b/;

function remoteAccess(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  const statements = env.facts.company('remote_access');
  const rdp = statements.filter((f) => {
    const text = textOf(f.value);
    return mentions(text, RDP) && mentions(text, EXPOSED) && !RDP_SAFE.test(words(text));
  });
  if (rdp.length > 0) {
    out.push(
      finding({
        ruleId: 'net.rdp_exposed', subjectKeys: [companySubject('rdp')], type: 'risk', domain: 'network', severity: 'critical', lens: 'day_1_continuity',
        title: 'Remote Desktop exposed to the internet',
        description: 'RDP reachable from the internet is among the most exploited ransomware entry points; it should be closed or put behind a VPN with MFA immediately.',
        because: `remote access is described as ${quoteFacts(rdp)}.`,
        threshold: 'any RDP exposure to the internet',
        asOfDate: asOf, facts: rdp,
      }),
    );
  }
  const noMfa = [
    ...env.facts.company('remote_access_mfa').filter((f) => boolOf(f) === false),
    ...statements.filter((f) => /\b(?:password only|without mfa|no mfa|no multi factor|single factor)\b/.test(words(textOf(f.value)))),
  ];
  if (noMfa.length > 0) {
    out.push(
      finding({
        ruleId: 'net.remote_access_mfa', subjectKeys: [companySubject('remote-access-mfa')], type: 'risk', domain: 'network', severity: 'high', lens: 'day_1_continuity',
        title: 'Remote access without MFA',
        description: 'Remote access accepts a password alone; stolen or guessed credentials give an attacker a foothold in the network.',
        because: `remote access MFA is stated as absent (${labelFacts(noMfa)}).`,
        threshold: 'remote access without MFA',
        asOfDate: asOf, facts: noMfa,
      }),
    );
  }
  return out;
}
