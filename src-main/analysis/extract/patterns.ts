// Statements without a "Key:" — "No dedicated security staff", "MFA enforced for 85% of users",
// "only he understands" — matched by precise patterns. These are looser than keyed lines, so they
// carry a lower confidence, and each pattern is written to miss rather than to guess.

import { bool, date, money, num, percent, text } from './facts';
import { clauses, isAffirmative, LOOSE } from './scope';
import type { Scope } from './scope';
import { dealPatterns } from './patterns-deal';
import { certificationExpiry, findCertifications } from './subjects';
import type { AttributeName } from './vocabulary';
import { parseLeadingCount, parseMoney, parseRetention } from './values';

const N = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;

function count(s: Scope, attr: AttributeName, digits: string | undefined): void {
  const n = digits ? parseLeadingCount(digits) : null;
  if (n !== null) s.emit(attr, num(n), { confidence: LOOSE });
}

function none(s: Scope, attr: AttributeName): void {
  s.emit(attr, text('none'), { confidence: LOOSE });
}

/** Absence stated at the start of a line: "No SIEM", "No EDR capability", "No PAM solution". */
const ABSENCE: Array<[RegExp, AttributeName]> = [
  [/^no siem\b/i, 'siem_product'],
  [/^no (?:edr|endpoint detection)\b/i, 'edr_product'],
  [/^no (?:pam|privileged access management)\b/i, 'pam_product'],
  [/^no (?:sso|single sign-on)\b/i, 'sso_product'],
  [/\bno mdm\b/i, 'mdm_product'],
  [/^no (?:vulnerability (?:scanning|management|scanner))\b/i, 'vulnerability_management'],
  [/^no email security\b/i, 'email_security'],
  [/^no (?:formal )?security awareness (?:training|program)/i, 'security_awareness_training'],
];

const KEY_PERSON =
  /\b(?:only (?:one )?person (?:who )?(?:knows|understands)|(?:is|are) the only (?:person|one|people) who\b|only (?:he|she|they) (?:knows?|understands?)|knows everything|one person knows|managed by (?:one|a single) person|single (?:[\w/]+ ){0,2}(?:administrator|admin|developer|dba|engineer|resource|person)\b|single point of failure for\b|sole (?:administrator|developer|admin|engineer|resource)\b)/i;

const INCIDENT =
  /\b(?:compromis\w*|exfiltrat\w*|cryptominer|ransomware encrypted|encrypted \d+ servers|paid \S+ ransom|forwarded to (?:an )?external|data (?:breach|leak)|customer data found|breach(?:ed)?)\b/i;

/** Words of the incident narrative itself that the hypothetical-clause check would misread. */
const INCIDENT_HYPOTHETICAL = /\b(?:may|might|would)\b/gi;

function organization(line: string, s: Scope): void {
  let m = new RegExp(String.raw`(?:^|[^\w,.])(?:approximately |about |around |~)?${N}\s+(?:employees|full-time employees)\b`, 'i').exec(line);
  // "IT staff per 100 employees" is a ratio's denominator, not a headcount.
  if (m && !/\b(?:IT|per)\s*$/i.test(line.slice(0, m.index + 1))) count(s, 'employee_count', m[1]);
  m = new RegExp(String.raw`\bacross (?:approximately |about )?${N} (?:locations|sites|plants|facilities|offices|distribution cent(?:er|re)s)\b`, 'i').exec(line);
  if (m) count(s, 'location_count', m[1]);
  m = new RegExp(String.raw`\bIT (?:team|department|organi[sz]ation|function) of (?:approximately |about )?${N}\b`, 'i').exec(line) ??
    new RegExp(String.raw`\b${N}\s+IT\s+(?:HC|headcount|FTEs?)\b`).exec(line) ??
    new RegExp(String.raw`\b${N}[- ]person IT (?:team|department)\b`, 'i').exec(line);
  if (m) count(s, 'it_headcount', m[1]);
  m = new RegExp(String.raw`\b${N} (?:open|vacant|unfilled) (?:it )?(?:positions|roles|reqs|requisitions|vacancies)\b|\b${N} (?:it )?vacanc(?:y|ies)\b`, 'i').exec(line);
  if (m) count(s, 'it_vacancies', m[1] ?? m[2]);
  m = /\b(?:annual )?revenue of (?:approximately |about |~)?(\$[\d.,]+\s?(?:[kmb]n?|million|billion)?)/i.exec(line) ??
    /(\$[\d.,]+\s?(?:m|b|bn|million|billion))\s+(?:in\s+)?(?:annual\s+)?revenues?\b/i.exec(line);
  const rev = m?.[1] ? parseMoney(m[1]) : null;
  if (rev && rev.high === undefined) s.emit('revenue', money(rev.number, rev.currency), { confidence: LOOSE });
  m = /\bIT budget of (?:approximately |about |~)?(\$[\d.,]+\s?(?:[kmb]|million|billion)?)/i.exec(line);
  const budget = m?.[1] ? parseMoney(m[1]) : null;
  if (budget && budget.high === undefined) s.emit('it_budget', money(budget.number, budget.currency), { confidence: LOOSE });
  m = /\b(CIO|CTO|IT Director|Head of IT)\b[^.]*\b(?:retired|left|departed|resigned)\b[^.]*\b(?:hasn't|has not|not yet|never) been (?:replaced|backfilled)/i.exec(line);
  if (m?.[1]) s.emit('it_leader', text(`${m[1]} (vacant)`), { confidence: LOOSE });
  m = /\b(?:MSP|managed service provider) for ([\w -]{3,40}?) \(([A-Z][\w&.' -]{1,40})\)/.exec(line);
  if (m?.[1] && m[2]) s.emit('vendor_service', text(m[1].trim()), { subject: { kind: 'vendor', name: m[2].trim() }, confidence: LOOSE });
  if (!/^no\b/i.test(line) && KEY_PERSON.test(line)) s.emit('key_person_dependency', text(line), { confidence: LOOSE });
}

function security(line: string, s: Scope): void {
  for (const [re, attr] of ABSENCE) if (re.test(line)) none(s, attr);
  if (/\bno (?:dedicated |in-house |internal |full-time )?(?:[\w-]+-specific )?security (?:staff|team|personnel|resources?|headcount|roles?)\b/i.test(line)) {
    s.emit('security_leader', text('none'), { confidence: LOOSE });
    s.emit('security_team_size', num(0), { confidence: LOOSE });
  }
  if (/\bno (?:formal |documented )?incident response (?:plan|process|playbooks?)\b|\bincident response plan\b[^.]*\b(?:not documented|missing|does not exist)\b/i.test(line)) {
    s.emit('incident_response_plan', bool(false), { confidence: LOOSE });
  }
  if (/\bno (?:external |internal )?(?:penetration|pen) test(?:ing|s)?\b|\bnever (?:had|performed|conducted|commissioned) (?:a |an )?(?:external )?(?:penetration|pen) test/i.test(line)) {
    s.emit('last_pen_test', text('never'), { confidence: LOOSE });
  }
  const certs = findCertifications(line);
  certs.forEach((cert, i) => {
    const subj = { kind: 'certification', name: cert.name };
    if (new RegExp(String.raw`^no ${cert.name.split(' ')[0]}`, 'i').test(line) && cert.start <= 3) {
      s.emit('certification_status', text('not certified'), { subject: subj, confidence: LOOSE });
    }
    const expiry = certificationExpiry(line, cert, certs[i + 1]?.start);
    if (expiry) s.emit('certification_expiry', date(expiry), { subject: subj, confidence: LOOSE });
  });
  const edr = /\b(?:EDR|endpoint detection)\b[^.]*?\b(\d{1,3})% of (?:endpoints|devices|hosts|machines)\b/i.exec(line);
  if (edr?.[1]) s.emit('edr_coverage', percent(Number(edr[1])), { confidence: LOOSE });
  if (s.under(/incident/i) && clauses(line).some((c) => INCIDENT.test(c) && isAffirmative(c.replace(INCIDENT_HYPOTHETICAL, '')))) {
    s.emit('security_incident', text(line), { confidence: LOOSE });
  } else if (s.under(/incident/i) && /^no (?:breach(?:es)?|security incidents?|incidents?|ransomware (?:attempts|incidents?)|data breach(?:es)?)\b/i.test(line)) {
    // "No breaches in company history" answers the incident-history question.
    s.emit('security_incident', text('none reported'), { confidence: LOOSE });
  }
  if (/\b(?:BitLocker|FileVault)\b|\bencrypt(?:ed|ion) at rest\b/i.test(line) && !/^no\b/i.test(line)) s.emit('encryption', text(line), { confidence: LOOSE });
}

function identity(line: string, s: Scope): void {
  let m = /\bmfa (?:is )?(?:enforced|enabled|required) for (?:~|approximately )?(\d{1,3})% of (?:users|staff|employees|accounts|the workforce)\b/i.exec(line);
  if (m?.[1]) {
    const pct = Number(m[1]);
    s.emit('mfa_coverage', percent(pct), { confidence: LOOSE });
    s.emit('mfa_enforced', bool(pct >= 100), { confidence: LOOSE });
  } else if (/\bmfa (?:is )?(?:enforced|required|mandatory) for all (?:users|staff|employees|accounts)\b/i.test(line) && !/\bnot\b/i.test(line)) {
    s.emit('mfa_enforced', bool(true), { confidence: LOOSE });
    s.emit('mfa_coverage', percent(100), { confidence: LOOSE });
  } else if (/\bmfa\b[^.]*\bnot (?:enforced|enabled|required)\b|^no mfa\b/i.test(line)) {
    s.emit('mfa_enforced', bool(false), { confidence: LOOSE });
  }
  m = /\b(?:shared (?:admin|administrator|root|privileged|domain admin) (?:accounts?|credentials|logins?)|admin\/admin)\b/i.exec(line);
  if (m && !/^no\b/i.test(line)) s.emit('shared_admin_accounts', bool(true), { confidence: LOOSE });
}

function infrastructure(line: string, s: Scope): void {
  if (/\bno (?:formal )?(?:dr|disaster recovery) test(?:ing|s)?\b[^.]*\b(?:ever|performed|conducted)\b|\b(?:dr|disaster recovery)\b[^.]*\bnever (?:been )?(?:formally )?tested\b|\bnever (?:performed|conducted) (?:a )?(?:dr|disaster recovery) test/i.test(line)) {
    s.emit('last_dr_test', text('never'), { confidence: LOOSE });
  }
  if (/\b(?:restore|recovery) tests? (?:have |has )?never\b|\bnever (?:tested|performed) (?:a )?restore|\brestores? (?:have |has )?never been tested/i.test(line)) {
    s.emit('last_restore_test', text('never'), { confidence: LOOSE });
  }
  if (/^no (?:dr|disaster recovery)(?: (?:capability|site|plan|solution))?$/i.test(line)) s.emit('dr_in_place', bool(false), { confidence: LOOSE });
  const m = /^(?:~|approximately |about )?(\d[\d,]*) VMs\b/i.exec(line);
  if (m?.[1]) count(s, 'virtual_machine_count', m[1]);
  if (/^no backups?$/i.test(line) && s.under(/backup|recovery|continuity/i)) s.emit('backup_product', text('none'), { confidence: LOOSE });
  // The key of "Off-site Backups: Tapes in CFO's closet" names the topic, not the answer.
  const body = line.replace(/^[^:]{1,60}:\s+/, '');
  if (/\bbackups?\b|\bveeam\b|\btapes?\b/i.test(line)) {
    if (/\b(?:tapes? )?stored on-?site\b|\bon-?site only\b|single copy of backups|\bno off-?site\b|\bno (?:immutable|offline) (?:copy|backups?)/i.test(body)) {
      s.emit('backup_offsite_or_immutable', bool(false), { confidence: LOOSE });
    } else if (
      /\bimmutable\b|\bair[- ]gapped\b|\boff-?site (?:copy|copies|backups?|replication)\b|\b(?:replicated|copied|sent) to (?:aws|azure|s3|the cloud|cloud)\b|\bbackup to\b[^.]*\b(?:aws|azure|s3|cloud)\b|\bcloud backup to\b/i.test(body) &&
      !/^no\b/i.test(body)
    ) {
      s.emit('backup_offsite_or_immutable', bool(true), { confidence: LOOSE });
    }
    const r = /\b(\d+)[- ]day retention\b/i.exec(line);
    const retention = r ? parseRetention(r[0]) : null;
    if (retention) s.emit('backup_retention', text(retention), { confidence: LOOSE });
  }
}

function network(line: string, s: Scope): void {
  if (/\bflat network\b|\bsingle vlan\b/i.test(line)) s.emit('network_segmentation', text('flat network'), { confidence: LOOSE });
  // "The plant network is flat: office PCs, CNC machines, PLCs…": the line says what shares it.
  else if (/\b(?:network|lan) is flat\b/i.test(line)) s.emit('network_segmentation', text(line), { confidence: LOOSE });
  else if (/\bno (?:network )?segmentation between (?:it and ot|ot and it)\b|\bno (?:ot\/it|it\/ot) segmentation\b/i.test(line)) {
    s.emit('network_segmentation', text('no IT/OT segmentation'), { confidence: LOOSE });
  }
  if (/\brdp (?:is )?(?:exposed|open) to (?:the )?internet\b|\binternet[- ]exposed rdp\b|\bexposed rdp\b/i.test(line)) {
    s.emit('remote_access', text('RDP exposed to the internet'), { confidence: LOOSE });
  }
  if (/\bvpn\b[^.]*\b(?:password only|without mfa|no mfa|single[- ]factor)\b/i.test(line)) s.emit('remote_access_mfa', bool(false), { confidence: LOOSE });
  const m = new RegExp(String.raw`\bconnecting (?:all )?${N} (?:sites|locations|plants|offices|branches)\b`, 'i').exec(line);
  if (m) count(s, 'site_count', m[1]);
}

/** Runs every keyless pattern over one line of text (its key included, if it has one). */
export function loosePatterns(line: string, s: Scope): void {
  organization(line, s);
  security(line, s);
  identity(line, s);
  infrastructure(line, s);
  network(line, s);
  dealPatterns(line, s);
}

/** Lines under a "Key person" heading: each named person or role with what only they hold. */
export function keyPersonSection(line: string, hasKey: boolean, s: Scope): void {
  if (!s.under(/key[- ]person|single points? of failure|knowledge concentration/i)) return;
  if (/^no\b/i.test(line)) return;
  if (hasKey || KEY_PERSON.test(line) || /\bknows (?:the|how)\b|\bonly (?:he|she)\b|\bretir/i.test(line)) {
    s.emit('key_person_dependency', text(line), { confidence: LOOSE });
  }
}
