// Keyed statements about sites, disaster recovery and backup.

import { bool, date, num, text } from './facts';
import { product } from './handler-kit';
import type { HandlerFn, Statement } from './handler-kit';
import type { Scope } from './scope';
import { cityState, dataCenterName, dataCenterType, siteRisks, subject } from './subjects';
import { isNegative, parseDate, parseDurationHours, stripParentheticals } from './values';

/** Lines about the data centre the section describes ("Location:", "Colocation lease expires:"). */
export function dataCenterLine(st: Statement, s: Scope): boolean {
  const inDr = s.under(/disaster recovery|\bdr\b|secondary site|recovery site/i);
  if (st.nkey === 'location' && inDr) {
    s.emit('dr_site', text(stripParentheticals(st.value)));
    return true;
  }
  if (!s.state.dataCenter && !s.under(/data cent(?:er|re)|\bdc\b|colocation|facilit/i)) return false;
  if (st.nkey === 'location') {
    const name = dataCenterName(st.value) ?? s.state.dataCenter?.name;
    const subj = name ? subject('data_center', name) : null;
    if (!subj) return false;
    s.state.dataCenter = subj;
    const loc = cityState(st.value) ?? stripParentheticals(st.value);
    s.emit('data_center_location', text(loc), { subject: subj });
    const type = dataCenterType(st.value);
    if (type) s.emit('data_center_type', text(type), { subject: subj });
    for (const r of siteRisks(st.value)) s.emit('data_center_risk', text(r), { subject: subj });
    return true;
  }
  const dc = s.state.dataCenter;
  if (!dc) return false;
  if (/(?:lease|contract)(?: expires?| expiry| end| renewal)|expires?$/.test(st.nkey)) {
    const d = parseDate(st.value);
    if (d) s.emit('data_center_contract_end', date(d), { subject: dc });
    if (/colocation|colo\b/.test(st.nkey)) s.emit('data_center_type', text('colocation'), { subject: dc });
    return d !== null;
  }
  const risks = siteRisks(`${st.key}: ${st.value}`);
  for (const r of risks) s.emit('data_center_risk', text(r), { subject: dc });
  return risks.length > 0;
}

/** "Primary Data Center: Columbus, OH (company-owned facility)". */
export function dataCenterStatement(st: Statement, s: Scope): boolean {
  if (isNegative(st.value)) return true;
  const name = dataCenterName(st.value);
  const subj = name ? subject('data_center', name) : null;
  if (!subj) return false;
  s.state.dataCenter = subj;
  s.emit('data_center_location', text(cityState(st.value) ?? stripParentheticals(st.value)), { subject: subj });
  const type = dataCenterType(st.value) ?? (/colo/.test(st.nkey) ? 'colocation' : null);
  if (type) s.emit('data_center_type', text(type), { subject: subj });
  for (const r of siteRisks(st.value)) s.emit('data_center_risk', text(r), { subject: subj });
  return true;
}

export function dr(st: Statement, s: Scope): boolean {
  const v = st.value;
  if (isNegative(v)) {
    s.emit('dr_in_place', bool(false));
    return true;
  }
  if (/\bpartial\b|\blimited\b|\bunknown\b/i.test(v)) return true;
  if (/\b(?:hot|warm|cold)(?: standby| site)?\b|active[- ](?:active|passive)|multi-region|standby|failover|replicat|dr site|secondary (?:site|data cent)/i.test(v)) {
    s.emit('dr_in_place', bool(true));
  }
  const rto = /(\d+(?:-\d+)?)[- ]?(?:hour|hr|h)s?\b[^,;]*\brto\b/i.exec(v);
  if (rto) {
    const h = parseDurationHours(rto[0]);
    if (h !== null) s.emit('rto_hours', num(h));
  }
  return true;
}

export function drSite(st: Statement, s: Scope): boolean {
  if (isNegative(st.value)) {
    s.emit('dr_site', text('none'));
    s.emit('dr_in_place', bool(false));
    return true;
  }
  const site = stripParentheticals(st.value).split(/\s[-–—]\s/)[0] ?? '';
  s.emit('dr_site', text(site));
  return true;
}

export function hours(attr: 'rto_hours' | 'rpo_hours' | 'rto_actual_hours'): HandlerFn {
  return (st, s) => {
    const h = parseDurationHours(stripParentheticals(st.value));
    if (h === null) return false;
    s.emit(attr, num(h));
    return true;
  };
}

export function backup(st: Statement, s: Scope): boolean {
  product('backup_product', { none: true })(st, s);
  const retention = /(\d+)[- ](?:day|week|month|year)s?[- ]retention|retention[^\d]{0,12}(\d+\s*(?:days?|weeks?|months?|years?))/i.exec(st.value);
  if (retention) s.emit('backup_retention', text(retention[0].replace(/^.*?(\d+)[- ]?(day|week|month|year)s?.*$/i, '$1 $2s')));
  return true;
}

export function retention(st: Statement, s: Scope): boolean {
  const backupContext = /backup|\bdr\b|bcdr|disaster|retention/i.test(`${st.parent ?? ''} ${st.nkey} ${s.heading}`);
  if (!backupContext || !/\d/.test(st.value)) return false;
  s.emit('backup_retention', text(stripParentheticals(st.value)));
  return true;
}

