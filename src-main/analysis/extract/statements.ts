// "Key: value" statements: a recognised key says which attribute the value states. Keys are
// matched on their normalised text; a handler returns false when the value does not fit, so the
// next handler (or the loose patterns) can try.

import { bool, date, money, num, percent, text } from './facts';
import { productLike } from './handler-kit';
import type { Handler, HandlerFn, Statement } from './handler-kit';
import type { Scope } from './scope';
import { backup, dataCenterLine, dataCenterStatement, dr, drSite, hours, retention } from './statements-infra';
import { technicalHandlers } from './statements-tech';
import { certificationExpiry, findCertifications, namedAside, subject } from './subjects';
import type { AttributeName } from './vocabulary';
import {
  isNegative,
  parseDate,
  parseLeadingCount,
  parseMoney,
  parsePercent,
  parseWhen,
  stripParentheticals,
} from './values';

function count(attr: AttributeName, guard?: (st: Statement, s: Scope) => boolean): HandlerFn {
  return (st, s) => {
    if (guard && !guard(st, s)) return false;
    const n = parseLeadingCount(st.value);
    if (n === null) {
      if (/^(?:none|zero)\b/i.test(st.value.trim())) {
        s.emit(attr, num(0));
        return true;
      }
      return false;
    }
    s.emit(attr, num(n));
    return true;
  };
}

function moneyOf(attr: AttributeName): HandlerFn {
  return (st, s) => {
    const m = parseMoney(st.value);
    // A range is an estimate, not a stated figure; a per-month amount is not an annual one.
    if (!m || m.high !== undefined || m.per === 'month') return false;
    s.emit(attr, money(m.number, m.currency));
    return true;
  };
}

function whenOf(attr: AttributeName): HandlerFn {
  return (st, s) => {
    const when = parseWhen(st.value);
    if (!when) return false;
    s.emit(attr, text(when));
    return true;
  };
}

const LEADER_TITLES: Array<[RegExp, string]> = [
  [/^(?:cio|chief information officer)$/, 'CIO'],
  [/^(?:cto|chief technology officer)$/, 'CTO'],
  [/^head of (?:it|technology)$/, 'Head of IT'],
  [/^(?:it director|director of it|director,? it)$/, 'IT Director'],
  [/^(?:vp|vice president)(?: of)? (?:it|information technology)$/, 'VP IT'],
  [/^it manager$/, 'IT Manager'],
];

/** "CIO", "CIO (vacant)", "IT Manager (reports to MegaCorp IT)": titles, not names, so documents agree. */
function leaderValue(title: string, value: string): string | null {
  if (/^\d+\b/.test(value.trim())) return null;
  if (/\b(?:vacant|open|unfilled|not (?:yet )?(?:hired|filled|replaced)|to be hired)\b/i.test(value)) return `${title} (vacant)`;
  const reports = /\b[Rr]eports? to (?:the )?([A-Z][\w&.' -]{1,40}?)(?:[,;.)]|$)/.exec(value);
  return reports?.[1] ? `${title} (reports to ${reports[1].trim()})` : title;
}

function itLeader(st: Statement, s: Scope): boolean {
  const title = LEADER_TITLES.find(([re]) => re.test(st.nkey))?.[1];
  if (!title) return false;
  const v = leaderValue(title, st.value);
  if (!v) return false;
  s.emit('it_leader', text(v));
  return true;
}

/** "CIO Reports to: CFO". */
function reportingLine(st: Statement, s: Scope): boolean {
  const title = LEADER_TITLES.find(([re]) => re.test(st.nkey.replace(/ reports to$/, '')))?.[1];
  const to = /^(?:the )?([A-Z][\w&.' -]{1,40})/.exec(st.value.trim())?.[1]?.trim();
  if (!title || !to) return false;
  s.emit('it_leader', text(`${title} (reports to ${to})`));
  return true;
}

/** "Provider: CGI" opens a vendor for the lines after it; "Services: Infrastructure" describes it. */
function vendorLine(st: Statement, s: Scope): boolean {
  if (/^(?:vendor|provider|msp|managed service provider|partner)$/.test(st.nkey)) {
    const name = productLike(st.value);
    const subj = name ? subject('vendor', name) : null;
    if (!subj) return false;
    s.state.vendor = subj;
    return true;
  }
  const vendor = s.state.vendor;
  if (!vendor || !/^(?:services?|scope|services provided)$/.test(st.nkey)) return false;
  s.emit('vendor_service', text(st.value), { subject: vendor });
  return true;
}

/** "Managed Services: Secureworks (SOC), Kyndryl (partial data center ops)": vendors and what they do. */
function vendorList(st: Statement, s: Scope): boolean {
  if (isNegative(st.value)) return true;
  // What the list says each vendor does when an item has no aside of its own.
  const label = /vendors|partners/.test(st.nkey) ? 'key vendor' : /support/.test(st.nkey) ? 'support' : stripParentheticals(st.key).toLowerCase();
  let found = false;
  for (const item of st.value.split(/,\s+(?![^()]*\))/)) {
    const name = productLike(item)?.replace(/\s+(?:MSP|MSSP)$/, '');
    const subj = name ? subject('vendor', name) : null;
    if (!subj || /\b(?:multiple|various|several)\b/i.test(item)) continue;
    // The aside names the service; amounts and headcounts in it are not the service.
    const aside = (/\(([^()]+)\)/.exec(item)?.[1] ?? '')
      .split(/,\s+/)
      .filter((part) => !/\$|\d+\s*(?:hc|ftes?)\b|^\d/i.test(part))
      .join(', ');
    const service = aside || label;
    s.emit('vendor_service', text(service), { subject: subj });
    found = true;
  }
  return found;
}

function securityLeader(st: Statement, s: Scope): boolean {
  const title = /^(?:ciso|chief information security officer)$/.test(st.nkey) ? 'CISO' : /vciso|virtual ciso/.test(st.nkey) ? 'vCISO' : 'Head of Security';
  if (isNegative(st.value)) {
    s.emit('security_leader', text('none'));
    return true;
  }
  const v = leaderValue(title, st.value);
  if (!v) return false;
  // The title alone: who it is and whom they report to vary by document, the role does not.
  s.emit('security_leader', text(v.replace(/ \(reports to .*\)$/, '')));
  return true;
}

function securityTeam(st: Statement, s: Scope): boolean {
  const n = parseLeadingCount(st.value);
  if (n !== null) {
    s.emit('security_team_size', num(n));
    if (n === 0) s.emit('security_leader', text('none'));
    return true;
  }
  if (isNegative(st.value)) {
    s.emit('security_team_size', num(0));
    s.emit('security_leader', text('none'));
    return true;
  }
  return false;
}

function socModel(st: Statement, s: Scope): boolean {
  const v = st.value;
  let model: string | null = null;
  if (isNegative(v)) model = 'none';
  else if (s.doc.parent?.test(v)) model = 'parent-provided';
  else if (/outsourc|managed (?:security|service|detection)|\bmssp\b|\bmdr\b|third[- ]party/i.test(v)) model = 'outsourced';
  else if (/in[- ]house|internal|own (?:soc|team)|24\/7 soc/i.test(v)) model = 'in-house';
  if (!model) return false;
  const provider = model === 'outsourced' ? namedAside(v) : null;
  s.emit('soc_model', text(provider ? `${model} (${provider})` : model));
  return true;
}

function mfa(st: Statement, s: Scope): boolean {
  const v = st.value;
  if (isNegative(v)) {
    s.emit('mfa_enforced', bool(false));
    s.emit('mfa_coverage', percent(0));
    return true;
  }
  const pct = parsePercent(v);
  if (/enforced for all\b|all users|100%|universal/i.test(v) && !/\bnot\b/i.test(v)) {
    s.emit('mfa_enforced', bool(true));
    s.emit('mfa_coverage', percent(100));
  } else if (pct !== null) {
    s.emit('mfa_coverage', percent(pct));
    s.emit('mfa_enforced', bool(pct >= 100));
  } else if (/\bonly\b|\bpartial|\bnot enforced\b|\bsome\b/i.test(v)) {
    s.emit('mfa_enforced', bool(false));
  }
  if (/\b(?:vpn|remote access)\b/i.test(v) && !/\bnot\b|\bno\b|password only/i.test(v)) s.emit('remote_access_mfa', bool(true));
  return true;
}

function certificationList(st: Statement, s: Scope): boolean {
  const certs = findCertifications(st.value);
  if (certs.length === 0) return false;
  const status = isNegative(st.value) ? 'not certified' : 'certified';
  certs.forEach((c, i) => {
    const subj = { kind: 'certification', name: c.name };
    s.emit('certification_status', text(status), { subject: subj });
    const expiry = certificationExpiry(st.value, c, certs[i + 1]?.start);
    if (expiry) s.emit('certification_expiry', date(expiry), { subject: subj });
  });
  return true;
}

/** Status of one certification from how its line reads, normalised. */
export function certificationStatus(value: string, parent: RegExp | null): string | null {
  const v = value.toLowerCase();
  if (/not applicable|\bn\/a\b/.test(v)) return 'not applicable';
  if (/non-?compliant|failed/.test(v)) return 'non-compliant';
  if (/not certified|no certification|^none\b|^no\b|not (?:yet )?(?:achieved|obtained)/.test(v)) return 'not certified';
  if (/expired|lapsed/.test(v)) return 'expired';
  if (/covered under|inherit|parent'?s? certification/.test(v) || parent?.test(value)) return 'covered by parent';
  if (/in progress|underway|preparing|readiness/.test(v)) return 'in progress';
  if (/\bcertified|\bcompliant|\bcurrent\b|\bvalid\b|\bclean\b|attested|achieved|passed/.test(v)) return 'certified';
  return null;
}

function certificationKey(st: Statement, s: Scope): boolean {
  // The colon the key was written with lets a bare "PCI:" read as the standard.
  const cert = findCertifications(`${st.key}:`)[0];
  if (!cert || stripParentheticals(st.key).length > cert.end - cert.start + 12) return false;
  const status = certificationStatus(st.value, s.doc.parent);
  const subj = { kind: 'certification', name: cert.name };
  if (status) s.emit('certification_status', text(status), { subject: subj });
  const expiry = /\b(?:expir\w*|valid (?:until|through)|renew\w*|due)\b[^;]*/i.exec(st.value);
  const d = expiry ? parseDate(expiry[0]) : null;
  if (d) s.emit('certification_expiry', date(d), { subject: subj });
  return status !== null || d !== null;
}

/** Headings of a headcount breakdown ("Headcount: 18 FTEs", "IT Staffing"). */
const STAFFING = /headcount|\bstaff(?:ing)?\b|team structure|\bftes?\b/i;

function staffingRole(st: Statement, s: Scope): boolean {
  if (!s.under(STAFFING) && !s.under(/it organi[sz]ation$/i)) return false;
  if (!/^~?\d+(?:\s*(?:ftes?|people|staff|heads?))?\s*(?:\(.*\))?$/i.test(st.value.trim())) return false;
  const n = parseLeadingCount(st.value);
  const role = subject('role', stripParentheticals(st.key));
  if (n === null || !role || st.key.length > 40) return false;
  s.emit('role_headcount', num(n), { subject: role });
  if (/^(?:(?:cyber ?|information |it )?security|infosec)(?: (?:team|& compliance|and compliance|operations))?$/.test(st.nkey)) s.emit('security_team_size', num(n));
  return true;
}

function keyPerson(st: Statement, s: Scope): boolean {
  if (/^(?:yes|no|none|n\/a)\b/i.test(st.value.trim())) return false;
  s.emit('key_person_dependency', text(st.value));
  return true;
}

const IT_HEADCOUNT =
  /^(?:total )?it (?:staff|headcount|hc|team|team size|employees|personnel|ftes?|staffing)(?: count| size| total)?$|^(?:[\w-]+ )?dedicated it staff$|^it org$/;

export const HANDLERS: readonly Handler[] = [
  { key: IT_HEADCOUNT, fn: count('it_headcount') },
  { key: /^headcount$/, fn: count('it_headcount', (_st, s) => s.headingPath.some((h) => /\bit\b|organi[sz]ation|staff/i.test(h))) },
  { key: /^(?:it )?contractors?(?: count)?$/, fn: count('it_contractor_count') },
  { key: /^(?:open|vacant|unfilled) (?:it )?(?:positions|roles|reqs|requisitions)$|^(?:it )?vacancies$/, fn: count('it_vacancies') },
  // Under a staffing heading, "Employees: 14" counts IT's own employees (beside its contractors).
  { key: /^(?:total |number of )?employees$/, fn: count('it_headcount', (_st, s) => s.under(/^staffing$|it staff|team structure/i)) },
  { key: /^(?:total |number of )?employees$|^employee count$|^workforce$/, fn: count('employee_count') },
  { key: /^(?:total |number of )?(?:locations|sites|offices|plants)$/, fn: count('location_count') },
  { key: /^(?:annual |total )?revenue$|^annual sales$/, fn: moneyOf('revenue') },
  { key: /^(?:annual |total )?it budget(?: annual)?$|^it spend$|^annual it spend$/, fn: moneyOf('it_budget') },
  { key: /^(?:it )?(?:capex|capital (?:spend|expenditure|budget))$/, fn: moneyOf('it_capex') },
  { key: /^(?:it )?(?:opex|operating (?:spend|expenditure|budget))$/, fn: moneyOf('it_opex') },
  { key: /^(?:total )?(?:it )?personnel cost(?:s)?$/, fn: moneyOf('it_personnel_cost') },
  { key: /^(?:total )?infra(?:structure)? spend$/, fn: moneyOf('infra_spend') },
  { key: /^(?:total |# |number of )?(?:applications|apps)(?: count)?$|^application count$|^# applications$/, fn: count('application_count', (_st, s) => !s.under(STAFFING)) },
  { key: /^(?:total )?(?:annual )?(?:app|application)s? (?:annual )?(?:cost|spend)$|^total annual (?:app|application) cost$/, fn: moneyOf('app_total_annual_cost') },
  { key: /^(?:cio|cto|chief information officer|chief technology officer|head of (?:it|technology)|it director|director of it|director,? it|(?:vp|vice president)(?: of)? (?:it|information technology)|it manager)$/, fn: itLeader },
  { key: / reports to$/, fn: reportingLine },
  { key: /^(?:managed services|managed service providers?|msps?|key vendors|primary (?:support|vendors)|outsourcing(?: partners)?|key partners)$/, fn: vendorList },
  { key: /^(?:vendor|provider|msp|managed service provider|partner|services?|scope|services provided)$/, fn: vendorLine },
  { key: /^(?:ciso|chief information security officer|head of (?:information )?security|security lead(?:er)?|v?ciso|virtual ciso)$/, fn: securityLeader },
  { key: /^(?:dedicated )?security (?:team|staff|headcount|ftes?|personnel)(?: size)?$/, fn: securityTeam },
  { key: /^(?:soc|soc model|security operations(?: center| centre)?|managed detection(?: and response)?|mdr)$/, fn: socModel },
  { key: /^key person(?: risk| dependency| dependencies)$/, fn: keyPerson },
  { key: /^(?:mfa|multi-factor(?: authentication)?|2fa|mfa coverage|mfa enforcement)$/, fn: mfa },
  { key: /^(?:security |compliance )?certifications?$/, fn: certificationList },
  { key: /./, fn: certificationKey },
  { key: /^(?:primary |secondary |main )?(?:data cent(?:er|re)|colocation(?: facility)?|colo)(?: location)?$/, fn: dataCenterStatement },
  { key: /^(?:location|(?:colocation )?lease expires?|contract expires?|lease expiry|contract end|power|fire suppression|flood (?:risk|exposure|zone)|site risks?|hazards?)$/, fn: dataCenterLine },
  { key: /^(?:disaster recovery|dr|dr capabilit(?:y|ies)|dr strategy|dr posture|bcdr|dr\/bc|dr posture strategy|dr strategy)$/, fn: dr },
  { key: /^(?:dr site|dr region|dr location|disaster recovery site|recovery site|secondary site)$/, fn: drSite },
  { key: /^(?:rto|recovery time objective)(?: target)?$/, fn: hours('rto_hours') },
  { key: /^(?:estimated )?actual rto$|^actual recovery time$/, fn: hours('rto_actual_hours') },
  { key: /^(?:rpo|recovery point objective)(?: target)?$|^(?:estimated )?actual rpo$/, fn: hours('rpo_hours') },
  { key: /^(?:last )?(?:full )?(?:dr|disaster recovery) (?:test|testing|exercise)(?: date)?$|^last (?:full )?dr test$/, fn: whenOf('last_dr_test') },
  { key: /^(?:last )?(?:backup )?(?:restore|recovery) test(?:ing)?$|^backup test\/restore$|^(?:last )?restore test$/, fn: whenOf('last_restore_test') },
  { key: /^last (?:external |internal )?(?:penetration|pen) test(?: date)?$|^(?:external )?(?:penetration|pen) test(?: date)?$/, fn: whenOf('last_pen_test') },
  { key: /^(?:backups?|backup (?:solution|product|software|tool|tooling|platform))$/, fn: backup },
  { key: /^(?:backup )?retention$/, fn: retention },
  ...technicalHandlers(),
  { key: /./, fn: staffingRole },
];

