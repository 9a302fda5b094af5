// Handlers for keys that name technology: platforms, security tools, infrastructure and network.

import { bool, money, num, percent, text } from './facts';
import { affirmedClouds, clauses, isAffirmative } from './scope';
import type { Scope } from './scope';
import type { Handler, HandlerFn, Statement } from './handler-kit';
import { product } from './handler-kit';
import { subject } from './subjects';
import { isNegative, parseLeadingCount, parseMoney, parsePercent, stripParentheticals } from './values';

function counted(attr: 'physical_server_count' | 'virtual_machine_count' | 'end_user_device_count' | 'site_count'): HandlerFn {
  return (st, s) => {
    const n = parseLeadingCount(st.value);
    if (n === null) return false;
    s.emit(attr, num(n));
    return true;
  };
}

/** "Virtual Environment: 180 VMs" or "VMware vSphere: Version 7.0 U3 (approximately 340 VMs)". */
function vmCount(st: Statement, s: Scope): boolean {
  const m = /(?:^|\()\s*(?:~|approximately |about |around )?(\d[\d,]*)\s*(?:vms|virtual machines)\b/i.exec(st.value);
  if (!m?.[1]) return false;
  s.emit('virtual_machine_count', num(Number(m[1].replace(/,/g, ''))));
  return true;
}

function hypervisor(st: Statement, s: Scope): boolean {
  product('hypervisor')(st, s);
  vmCount(st, s);
  return true;
}

/** Named cloud keys ("AWS: Limited usage for DR…") and generic ones ("Primary Cloud: AWS"). */
function cloud(st: Statement, s: Scope): boolean {
  const named = affirmedClouds(stripParentheticals(st.key));
  const inValue = affirmedClouds(st.value);
  const providers = named.length > 0 ? named : inValue;
  if (providers.length === 0) return false;
  const value = st.value;
  // "Microsoft 365 only, no IaaS workloads" is not a statement that the cloud platform is used.
  const denied = isNegative(value) || (/\bonly\b/i.test(value) && /\bno (?:iaas|workloads?)\b/i.test(value));
  for (const name of providers) {
    const subj = subject('cloud_provider', name);
    if (!subj) continue;
    s.state.cloud = subj;
    if (!denied) s.emit('cloud_provider_used', bool(true), { subject: subj });
    const m = parseMoney(value);
    if (m && m.per === 'month' && m.high === undefined && (named.length > 0 || providers.length === 1)) s.emit('cloud_monthly_spend', money(m.number, m.currency), { subject: subj });
  }
  return true;
}

/** "Monthly spend: ~$45,000" under a cloud provider's heading or line. */
function monthlySpend(st: Statement, s: Scope): boolean {
  const named = affirmedClouds(`${st.parent ?? ''} ${st.key}`);
  const provider = named[0] ? subject('cloud_provider', named[0]) : s.state.cloud;
  const m = parseMoney(st.value);
  if (!provider || !m || m.high !== undefined || m.per === 'year') return false;
  if (m.per !== 'month' && !/month|monthly|\/mo/.test(`${st.nkey} ${st.parent ?? ''}`)) return false;
  s.emit('cloud_monthly_spend', money(m.number, m.currency), { subject: provider });
  s.emit('cloud_provider_used', bool(true), { subject: provider });
  return true;
}

function segmentation(st: Statement, s: Scope): boolean {
  const v = `${st.key}: ${st.value}`;
  if (/flat network|single vlan|flat\b/i.test(v)) s.emit('network_segmentation', text('flat network'));
  else if (/\bno\b[^.]*segmentation|^none\b/i.test(st.value)) s.emit('network_segmentation', text('none'));
  else s.emit('network_segmentation', text(stripParentheticals(st.value)));
  return true;
}

function remoteAccess(st: Statement, s: Scope): boolean {
  product('remote_access')(st, s);
  if (/password only|without mfa|no mfa/i.test(st.value)) s.emit('remote_access_mfa', bool(false));
  else if (/\bmfa\b|multi-factor|2fa/i.test(st.value) && !/\bno\b|\bnot\b/i.test(st.value)) s.emit('remote_access_mfa', bool(true));
  return true;
}

function sharedAccounts(st: Statement, s: Scope): boolean {
  if (isNegative(st.value)) s.emit('shared_admin_accounts', bool(false));
  else if (/widespread|\bexist|\byes\b|in use|common|shared|many|several|admin\/admin/i.test(st.value)) s.emit('shared_admin_accounts', bool(true));
  else return false;
  return true;
}

function incidentResponse(st: Statement, s: Scope): boolean {
  const v = st.value;
  if (isNegative(v) || /\bnot documented\b|\bundocumented\b|\bad[- ]hoc\b|\binformal\b/i.test(v)) s.emit('incident_response_plan', bool(false));
  else if (s.doc.parent?.test(v)) return false;
  else if (/documented|playbooks?|runbooks?|plan|tabletop|exercis|tested|in place|\byes\b/i.test(v)) s.emit('incident_response_plan', bool(true));
  else return false;
  return true;
}

function edr(st: Statement, s: Scope): boolean {
  product('edr_product', { none: true })(st, s);
  const pct = parsePercent(st.value);
  if (pct !== null && /coverage|covered|of (?:devices|endpoints|hosts|servers|laptops)|deployed/i.test(st.value)) s.emit('edr_coverage', percent(pct));
  return true;
}

function awareness(st: Statement, s: Scope): boolean {
  return product('security_awareness_training', { none: true, descriptive: true })(st, s);
}

/** A descriptive value only when some clause of it is affirmative; used for free-text attributes. */
function descriptive(attr: 'vulnerability_management' | 'email_security' | 'access_review' | 'cyber_insurance' | 'data_residency' | 'encryption'): HandlerFn {
  return (st, s) => {
    if (!isNegative(st.value) && !clauses(st.value).some(isAffirmative) && attr !== 'data_residency') return true;
    return product(attr, { none: true, descriptive: true })(st, s);
  };
}

/** "Network diagram: Hand-drawn, 2009": the key says what is documented, the value how and when. */
function documentation(st: Statement, s: Scope): boolean {
  if (isNegative(st.value)) return true;
  s.emit('architecture_docs', text(`${stripParentheticals(st.key)}: ${st.value}`));
  return true;
}

export function technicalHandlers(): Handler[] {
  return [
    { key: /^(?:erp|erp systems?|erp platform)$/, fn: product('erp_platform') },
    { key: /^(?:crm|crm platform|crm\/agency management)$/, fn: product('crm_platform') },
    { key: /^(?:email|e-mail|email\/collaboration|email & collaboration|email and collaboration|messaging|mail)$/, fn: product('email_platform') },
    { key: /^(?:hr|hr\/payroll|hris|hcm|hr\/hcm|payroll|hr systems?)$/, fn: product('hr_platform') },
    { key: /^(?:manufacturing(?: execution)?|mes|wms|warehouse management|policy(?: admin(?:istration)?)?|claims|billing|core (?:banking|system|platform))$/, fn: product('core_platform') },
    { key: /^(?:integration(?: platform)?|ipaas|esb|middleware|api gateway|event bus)$/, fn: product('integration_platform') },
    { key: /^(?:(?:primary )?database|databases|dbms|database platform)$/, fn: product('database_platform') },
    { key: /^(?:hypervisor|virtuali[sz]ation(?: platform)?|vmware(?: vsphere)?|vsphere)$/, fn: hypervisor },
    { key: /^(?:virtual (?:environment|machines|servers)|vms|vm count|total vms)$/, fn: vmCount },
    { key: /^(?:physical (?:servers|hosts)|server count|servers)$/, fn: counted('physical_server_count') },
    { key: /^(?:storage|primary storage|san|nas|storage platform)$/, fn: product('storage_platform') },
    { key: /^(?:desktops\/laptops|laptops\/desktops|end[- ]user devices|endpoints|desktops|laptops|workstations)$/, fn: counted('end_user_device_count') },
    { key: /^(?:mdm|mdm solution|device management|mobile device management|uem)$/, fn: product('mdm_product', { none: true }) },
    { key: /^(?:monitoring|observability|infrastructure monitoring|apm)$/, fn: product('monitoring_tool', { none: true }) },
    { key: /^(?:aws|azure|microsoft azure|gcp|google cloud|oracle cloud|primary cloud|cloud|cloud providers?|cloud footprint|primary infrastructure)$/, fn: cloud },
    { key: /(?:^| )(?:monthly )?(?:cloud )?spend$|^monthly (?:cost|spend)$|^(?:aws|azure|gcp) (?:monthly )?(?:spend|cost)$/, fn: monthlySpend },
    { key: /^(?:wan|wan\/internet|wan type|network connectivity)$/, fn: product('wan_type') },
    { key: /^(?:firewalls?|perimeter firewall|firewall platform|security tools firewall)$/, fn: product('firewall_platform') },
    { key: /^(?:core switch(?:es|ing)?|switch(?:es|ing)|lan|distribution|access switches)$/, fn: product('switching_platform') },
    { key: /^(?:segmentation|network segmentation|vlans?|flat network)$/, fn: segmentation },
    { key: /^(?:remote access|vpn|remote access vpn)$/, fn: remoteAccess },
    { key: /^(?:directory|identity|identity provider|idp|active directory|azure ad|entra id|identity\/mfa|identity \/ mfa|idp\/directory)$/, fn: product('directory_service') },
    { key: /^(?:sso|single sign-on|single sign on|mfa \/ sso|mfa\/sso|sso\/mfa)$/, fn: product('sso_product', { none: true }) },
    { key: /^(?:pam|privileged access(?: management)?|privileged account management)$/, fn: product('pam_product', { none: true }) },
    { key: /^(?:edr|xdr|edr\/xdr|endpoint(?: detection(?: and response)?| protection| security)?|endpoint \/ edr|endpoint\/edr|security tools endpoint)$/, fn: edr },
    { key: /^(?:antivirus|anti-virus|av|anti-malware)$/, fn: product('antivirus_product', { none: true }) },
    { key: /^(?:siem|siem \/ security analytics|log management|security monitoring|security tools siem)$/, fn: product('siem_product', { none: true }) },
    { key: /^(?:(?:e-?mail|mail) (?:security|filtering|protection|gateway)|security tools email)$/, fn: descriptive('email_security') },
    { key: /^(?:vulnerability (?:management|scanning|scanner)|patch(?:ing| management)?)$/, fn: descriptive('vulnerability_management') },
    { key: /^(?:access reviews?|user access reviews?|access recertification)$/, fn: descriptive('access_review') },
    { key: /^cyber (?:insurance|liability)(?: policy| coverage)?$/, fn: descriptive('cyber_insurance') },
    { key: /^(?:data residency|pii residency|residency)$/, fn: descriptive('data_residency') },
    { key: /^(?:encryption|encryption at rest|disk encryption)$/, fn: descriptive('encryption') },
    { key: /^(?:security (?:awareness )?training|awareness training|phishing simulations?)$/, fn: awareness },
    { key: /^(?:incident response(?: plan)?|ir plan|irp)$/, fn: incidentResponse },
    { key: /^shared (?:admin |administrator )?accounts$|^root access to servers$/, fn: sharedAccounts },
    { key: /^(?:network|architecture|infrastructure|system) (?:diagrams?|documentation|docs)$|^(?:server|asset) inventory$|^runbooks?$|^cmdb$/, fn: documentation },
  ];
}
