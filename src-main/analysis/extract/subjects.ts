// Subject naming: every subject reaches the sink with a canonical, trimmed name, so that the same
// application, site or certification named in three documents gets one stable key.

import { normalizeName } from '../keys';
import { canonicalSubjectName } from '../knowledge/aliases';
import type { SubjectRef } from './types';
import { cleanText, parentheticals, parseDate, stripParentheticals } from './values';

/** Tags the sample rooms attach to names for test bookkeeping: "(H1)", "(Injected)", "(Assumed)". */
const TAG = /\s*\((?:H\d+(?:\/H\d+)*|injected|assumed|observed|derived)\)\s*/gi;

/** Text without the sample rooms' bookkeeping tags. */
export function stripTags(text: string): string {
  return text.replace(TAG, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A subject as the document names it (tidied, bookkeeping tags removed), or null when nothing
 * nameable is left. The runner resolves the name to its canonical subject and keeps this one as an
 * alias, so "SFDC" in one document and "Salesforce CRM" in another meet under one key and both
 * spellings stay visible.
 */
export function subject(kind: string, raw: string): SubjectRef | null {
  const written = cleanText(raw).replace(TAG, ' ').trim();
  const name = canonicalSubjectName(kind, written);
  if (!/[\p{L}\p{N}]/u.test(name)) return null;
  // The canonical form only tidies; what it cannot resolve comes back as written.
  return { kind, name: normalizeName(name) === normalizeName(written) ? name : written.replace(/\s+/g, ' ') };
}

/** A trailing version in a product name: "Internet Explorer 11" -> "11", "PostgreSQL 13.x" -> "13.x". */
const TRAILING_VERSION =
  /(?:^|\s)(?:-\s*)?(?:version\s*|ver\.?\s*|v\s?\.?\s?)?((?:19|20)\d{2}(?:\s?R2)?|\d+(?:\.(?:\d+|x))*[a-z]?(?:\.x)*(?:\s?(?:SP\d+|R2))?)(?:\s+(?:release|LTS|edition))?[.,;]?\s*$/i;

/** The version at the end of a product name, or null. */
export function trailingVersion(name: string): string | null {
  const m = TRAILING_VERSION.exec(cleanText(name));
  if (!m?.[1]) return null;
  // A bare product name that is all digits ("7-Zip" aside) is not a version of anything.
  if (m.index === 0) return null;
  return m[1];
}

const US_STATE = String.raw`A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]`;
const CITY_STATE = new RegExp(String.raw`\b([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2}), (${US_STATE})\b`);

/** "Columbus, OH" from "Columbus, OH (company-owned facility)", or null. */
export function cityState(text: string): string | null {
  const m = CITY_STATE.exec(text);
  return m?.[1] && m[2] ? `${m[1]}, ${m[2]}` : null;
}

/**
 * The name of a data centre from how a document describes it: its city when stated ("Columbus,
 * OH"), otherwise the place itself with filler dropped ("On-premises in company HQ basement" ->
 * "HQ basement"), so a heading and a summary line about the same room agree.
 */
export function dataCenterName(text: string): string | null {
  const city = cityState(text);
  if (city) return city;
  const base = stripParentheticals(cleanText(text))
    .replace(/^(?:an?\s+)?(?:on-?prem(?:ises|ise)?|company[- ]owned|owned|located|housed|hosted)?\s*(?:in|at)?\s*(?:the\s+)?(?:company(?:'s)?\s+)?/i, '')
    .split(/\s*(?:,|;|\s-\s|\s–\s)\s*/)[0]
    ?.trim();
  if (!base || base.length > 40 || !/[\p{L}]/u.test(base)) return null;
  // Descriptions of a building rather than names of a place are not names.
  if (/^(?:basement of|building|facility|raised floor|\d)/i.test(base)) return null;
  return base;
}

/** Ownership or type of a data centre, normalised: owned, colocation, on-premises, cloud. */
export function dataCenterType(text: string): string | null {
  const t = text.toLowerCase();
  if (/\bcolo(?:cation)?\b|equinix|cyrusone|digital realty|coresite|flexential|\bqts\b|iron mountain|cologix|databank/.test(t)) return 'colocation';
  if (/company[- ]owned|\bowned\b/.test(t)) return 'owned';
  if (/\bleased\b/.test(t)) return 'leased';
  if (/on-?prem(?:ise|ises)?|basement|headquarters|\bhq\b/.test(t)) return 'on-premises';
  return null;
}

/** Risks of a site stated in the text: flood zone, single power feed, no fire suppression. */
export function siteRisks(text: string): string[] {
  const risks: string[] = [];
  if (/\bflood(?: ?plain| zone| prone|-prone| hazard area| risk area)|floodplain|\bFEMA (?:flood )?zone\b/i.test(text)) risks.push('flood zone');
  if (/single (?:utility|power) feed|single power supply|no (?:generator|ups)\b/i.test(text)) risks.push('single power feed');
  if (/fire suppression:?\s*(?:none|no\b)|no fire suppression/i.test(text)) risks.push('no fire suppression');
  if (/(?:hurricane|earthquake|seismic) zone/i.test(text)) risks.push(/hurricane/i.test(text) ? 'hurricane zone' : 'seismic zone');
  return risks;
}

/** Certifications named in a text, canonical: "SOC 2 Type II", "ISO 27001", "PCI DSS"… */
export function findCertifications(text: string): Array<{ name: string; start: number; end: number }> {
  const re =
    /\b(SOC ?(?:2|II|1)(?:,? Type (?:II|2|I|1)\b)?|ISO(?:\/IEC)? ?27001(?::\d{4})?|ISO(?:\/IEC)? ?27701|ISO ?9001|PCI[- ]?DSS(?: v?\d(?:\.\d)?)?|PCI(?= (?:compliance|certified|assessment|program|attestation)|\b:)|HITRUST(?: CSF)?|FedRAMP(?: Moderate| High| Low)?|CMMC(?: Level \d)?|Cyber Essentials(?: Plus)?)/gi;
  const out: Array<{ name: string; start: number; end: number }> = [];
  for (const m of text.matchAll(re)) {
    const raw = m[1] ?? m[0];
    const name = certificationName(raw);
    out.push({ name, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The expiry stated right after a certification ("SOC 2 Type II (expires 2026-09)"), as ISO text. */
export function certificationExpiry(text: string, cert: { end: number }, next: number | undefined): string | null {
  const after = text.slice(cert.end, next ?? text.length);
  const m = /\b(?:expir\w*|valid (?:until|through|thru)|renew\w* (?:due|by|in)?|due)\b[^;,)]*/i.exec(after);
  return m ? parseDate(m[0]) : null;
}

function certificationName(raw: string): string {
  const r = raw.replace(/,/g, '').replace(/\s+/g, ' ').trim();
  if (/^SOC ?(?:2|II)/i.test(r)) return /Type (?:II|2)\b/i.test(r) ? 'SOC 2 Type II' : 'SOC 2';
  if (/^SOC ?1/i.test(r)) return 'SOC 1';
  if (/27001/.test(r)) return 'ISO 27001';
  if (/27701/.test(r)) return 'ISO 27701';
  if (/9001/.test(r)) return 'ISO 9001';
  if (/^PCI/i.test(r)) return 'PCI DSS';
  return canonicalSubjectName('certification', r);
}

/** The first parenthetical that is not commentary, e.g. "(Secureworks)" -> "Secureworks". */
export function namedAside(text: string): string | null {
  for (const p of parentheticals(text)) {
    if (/^[A-Z][\w&.+-]*(?: [A-Z][\w&.+-]*){0,3}$/.test(p) && !/^(?:SOC|CRM|HR|ERP|MES|IT|EOL|DR)$/.test(p)) return p;
  }
  return null;
}
