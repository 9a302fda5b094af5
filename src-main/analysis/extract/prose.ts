// Text blocks (headings, paragraphs, list items) and key:value table rows: split into statements,
// dispatched to the keyed handlers, then scanned for products, cloud providers and loose patterns.

import type { ParsedDocument, TextBlock } from '../parsers/types';
import { findProducts } from './catalogue';
import { bool, text } from './facts';
import type { FactSink } from './facts';
import { productName } from './handler-kit';
import type { Statement } from './handler-kit';
import { keyPersonSection, loosePatterns } from './patterns';
import { affirmedClouds, affirmedProducts, LOOSE, normalizeKey, Scope } from './scope';
import type { DocContext, SectionState } from './scope';
import { HANDLERS } from './statements';
import { cityState, dataCenterName, siteRisks, subject } from './subjects';
import { cleanText, parentheticals, stripListMarker, stripParentheticals } from './values';

/** Confidence of a value read from a recognised "Key: value" line. */
export const KEYED = 0.8;

/** Sections that describe the document or the test, not the company. */
const META = /\b(?:validation notes|expected behaviou?r|document metadata|attestation|consistency checks?|hook-control|test hooks?|dataset complete|purpose)\b/i;
/** Sections about plans, options, estimates and risks to come: what they name is not in place today. */
const HYPOTHETICAL =
  /\b(?:planned|(?:active|current|planned|in-flight|it) projects?|projects? (?:status|portfolio|pipeline)|initiatives?|roadmap|unfunded|separation (?:options|costs?)|cost estimates?|one-time|options|day[- ]?1 (?:requirements|risks)|must work day|tsa risks|next (?:steps?|document|add-on)|recommendations?|proposed|to-be|target state|future state|alternatives?)\b/i;

export function isMetaSection(path: readonly string[]): boolean {
  return path.some((h) => META.test(h));
}

export function isHypotheticalSection(path: readonly string[]): boolean {
  return path.some((h) => HYPOTHETICAL.test(h));
}

/** "Key: value", with colons inside times ("08:47") not taken as the separator. */
const KEY_VALUE = /^((?:[^:]|(?<=\d):(?=\d))+?):\s+(.+)$/;

function keyValue(text: string): { key: string; value: string } | null {
  const m = KEY_VALUE.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const key = m[1].trim();
  // A key is a label: a few words, with a letter, not a sentence.
  if (key.split(/\s+/).length > 8 || !/\p{L}/u.test(key) || /[.!?]\s/.test(key)) return null;
  return { key, value: m[2].trim() };
}

function statement(key: string, value: string, parent?: string): Statement {
  const st: Statement = { key, nkey: normalizeKey(key), value };
  if (parent) st.parent = parent;
  return st;
}

/** Tries the handlers for the statement's key (with its parent's key first); true if one took it. */
function dispatch(st: Statement, s: Scope): boolean {
  const keys = st.parent ? [`${st.parent} ${st.nkey}`, st.nkey] : [st.nkey];
  for (const k of keys) {
    for (const h of HANDLERS) {
      if (h.key.test(k) && h.fn({ ...st, nkey: k }, s)) return true;
    }
  }
  return false;
}

/** "Version: 4.6C" under "SAP R/3 (1999)": the heading names the product the version belongs to. */
function headingVersion(st: Statement, s: Scope): boolean {
  if (st.nkey !== 'version') return false;
  const version = /^(?:v\.?\s?)?([\w.]*\d[\w.]*)/i.exec(st.value)?.[1]?.replace(/\.+$/, '');
  const hit = findProducts(stripParentheticals(s.heading)).find((h) => h.version === undefined);
  if (!version || !hit?.attrs[0]) return false;
  s.emit(hit.attrs[0], text(productName(`${hit.name} ${version}`)));
  return true;
}

/** Products and cloud providers named in the text, as loose facts. */
function freeScan(scanned: string, s: Scope): void {
  for (const hit of affirmedProducts(scanned)) {
    const attr = hit.attrs[0];
    if (attr) s.emit(attr, text(productName(hit.name)), { confidence: LOOSE });
  }
  for (const name of affirmedClouds(scanned)) {
    const subj = subject('cloud_provider', name);
    if (subj) s.emit('cloud_provider_used', bool(true), { subject: subj, confidence: LOOSE });
  }
}

const PARENT_KEY_EXCLUDED =
  /^(?:seller|parent(?: company)?|transaction(?: type)?|it manager|cio|cto|section \d+|[\w ]*users|[\w ]*employees|currently|options?|risk|separation|post-separation|benefits|target|note)$|target company|^project\b/i;
const CONJUNCTION_KEY = /^(?:but|and|or|also|however|plus)$/i;
const GENERIC_HEADING = /\bsection \d|overview|summary|context|executive|organization|staffing|\bit\b.*\bteam\b/i;
const PARENT_SECTION = /\b(?:uses?|used) from\b|\bprovided by\b|\bshared services?\b|\bfrom (?:the )?parent\b/i;

function serviceLabel(raw: string): string {
  return stripParentheticals(raw)
    .replace(/^section \d+:\s*/i, '')
    .split(/\s[-–—]\s/)[0]
    ?.trim() ?? '';
}

/** In a carve-out, what the parent still provides: lines naming the parent, and lists under "uses from". */
function parentServices(st: Statement | null, line: string, s: Scope): void {
  const parent = s.doc.parent;
  if (parent === null) return;
  let label: string | null = null;
  if (st && parent.test(st.value) && !PARENT_KEY_EXCLUDED.test(st.nkey) && !/carv|divest|spin|\(of /i.test(st.value)) {
    // One service area per section ("Endpoint" for its MDM, EDR and deployment lines), so a TSA
    // schedule counts areas, not every line about them; a generic section falls back to the key.
    const area = s.heading !== '' && !GENERIC_HEADING.test(s.heading) && !PARENT_SECTION.test(s.heading);
    label = area || CONJUNCTION_KEY.test(st.nkey) ? serviceLabel(s.heading) : serviceLabel(st.key);
  } else if (!st && PARENT_SECTION.test(s.heading) && parent.test(s.heading)) {
    label = serviceLabel(line);
  } else if (!st && parent.test(line) && !GENERIC_HEADING.test(s.heading) && !/carv|divest|spin/i.test(line)) {
    label = serviceLabel(s.heading);
  }
  if (label && /\p{L}/u.test(label) && !parent.test(label)) s.emit('parent_provided_service', text(label), { confidence: LOOSE });
}

/**
 * Everything one line states. `scope.quote` is the evidence; statements split at " | " (several
 * "Key: value" pairs on a line) and at ";" inside a value ("Firewall: Juniper; SIEM: Elastic").
 */
export function processLine(line: string, s: Scope): void {
  const segments = line.includes(' | ') && line.split(' | ').every((seg) => keyValue(seg)) ? line.split(' | ') : [line];
  for (const segment of segments) {
    const kv = keyValue(segment);
    if (!kv) {
      freeScan(segment, s);
      parentServices(null, segment, s);
      keyPersonSection(segment, false, s);
      continue;
    }
    const top = statement(kv.key, kv.value);
    const subs = kv.value.split(/\s*;\s*/).filter((v) => v !== '');
    for (const sub of subs.length > 0 ? subs : [kv.value]) {
      const nested = keyValue(sub);
      const st = nested ? statement(nested.key, nested.value, top.nkey) : statement(kv.key, sub);
      const recognized = headingVersion(st, s) || dispatch(st, s);
      if (!nested) labelledPieces(sub, top.nkey, s);
      freeScan(recognized ? st.value : `${stripParentheticals(st.key)}: ${st.value}; ${parentheticals(st.key).join('; ')}`, s);
      parentServices(st, segment, s);
    }
    keyPersonSection(segment, true, s);
  }
  loosePatterns(line, s);
}

/** "RPO 0h, RTO 1h" or "total annual app cost $7,183,701": labels written without a colon. */
function labelledPieces(value: string, parent: string, s: Scope): void {
  // ", " separates labels; a bare "," is a thousands separator ("$7,183,701").
  for (const piece of value.split(/\s*,\s+/)) {
    const m = /^([A-Za-z#][A-Za-z#/&() -]{1,40}?)\s+([~$<>≈]?\d.*)$/.exec(piece);
    if (m?.[1] && m[2]) dispatch(statement(m[1], m[2], parent), s);
  }
}

/** What a heading says its section is about: a named data centre or a cloud provider. */
function sectionState(heading: string, s: Scope): SectionState {
  const state: SectionState = {};
  const dc = /\b(?:data cent(?:er|re)|dc)\s*[-–—:]\s*(.+)$/i.exec(heading);
  const name = dc?.[1] ? dataCenterName(dc[1]) : null;
  const subj = name ? subject('data_center', name) : null;
  if (subj) {
    state.dataCenter = subj;
    const city = cityState(heading);
    if (city) s.emit('data_center_location', text(city), { subject: subj, confidence: LOOSE });
    for (const r of siteRisks(heading)) s.emit('data_center_risk', text(r), { subject: subj, confidence: LOOSE });
  }
  const cloud = affirmedClouds(heading)[0];
  if (cloud) state.cloud = subject('cloud_provider', cloud) ?? undefined;
  return state;
}

/** Extracts facts from every text block of the document, in order. */
export function extractFromBlocks(doc: ParsedDocument, ctx: DocContext, sink: FactSink): void {
  const states = new Map<string, SectionState>();
  for (const block of doc.blocks) {
    const line = stripListMarker(cleanText(block.text));
    if (line === '') continue;
    // What follows the end banner is test scaffolding (validation notes, sign-off), not facts.
    if (/^END OF (?:THE )?DOCUMENT\b/i.test(line)) break;
    const path = ownPath(block, line);
    if (isMetaSection(path) || isHypotheticalSection(path)) continue;
    const sectionKey = path.join('\u001f');
    let state = states.get(sectionKey);
    const scope = (st: SectionState): Scope => new Scope(ctx, sink, path, block.location, line, st, KEYED);
    if (!state) {
      state = block.kind === 'heading' ? sectionState(line, scope({})) : {};
      states.set(sectionKey, state);
    }
    processLine(line, scope(state));
  }
}

/** A heading belongs to the section it opens, so "Data Center - Columbus, OH" sees itself. */
function ownPath(block: TextBlock, line: string): string[] {
  const path = block.headingPath.map((h) => cleanText(h));
  return block.kind === 'heading' ? [...path, line] : path;
}
