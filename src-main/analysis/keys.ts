import { createHash } from 'node:crypto';
import type { Domain, Entity } from '../../src-shared/domain';
import type { FactValue } from './extract/types';

// Stable identity (DESIGN invariant 4): keys come from meaning, never from counters, positions or
// database ids, so the same fact in two runs (or two deals built from the same room) has the same key.

function digest(prefix: string, parts: readonly string[]): string {
  // \u001f (unit separator) cannot occur in normalised text, so distinct part lists never collide.
  return `${prefix}_${createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 32)}`;
}

/** Lower-cases, folds accents, turns punctuation into spaces and squeezes whitespace. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9.+#]+/g, ' ')
    .replace(/(^|\s)\.+|\.+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The canonical text of a value, as used in a fact's key: equal meaning gives equal text. */
export function normalizeValue(value: FactValue): string {
  switch (value.type) {
    case 'text':
      return `text:${normalizeName(value.text)}`;
    case 'number':
      return `number:${roundForKey(value.number)}`;
    case 'money':
      return `money:${value.currency.toUpperCase()}:${roundForKey(value.number)}`;
    case 'percent':
      return `percent:${roundForKey(value.number)}`;
    case 'date':
      return `date:${value.date}`;
    case 'boolean':
      return `boolean:${value.bool}`;
  }
}

function roundForKey(n: number): string {
  // Twelve significant digits hide floating-point noise from sums without merging real differences.
  return Number(n.toPrecision(12)).toString();
}

export function subjectKey(entity: Entity, domain: Domain, kind: string, canonicalName: string): string {
  return digest('sub', [entity, domain, kind, normalizeName(canonicalName)]);
}

/** A fact about a subject, or about the company itself when subjectKey is null. */
export function factKey(
  entity: Entity,
  domain: Domain,
  subject: string | null,
  attribute: string,
  value: FactValue,
): string {
  return digest('fct', [entity, domain, subject ?? 'company', attribute, normalizeValue(value)]);
}

export function gapKey(checklistItem: string): string {
  return digest('gap', [checklistItem]);
}

export function findingKey(ruleId: string, subjectKeys: readonly string[]): string {
  return digest('fnd', [ruleId, ...[...subjectKeys].sort()]);
}
