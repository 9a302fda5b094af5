import type { ValueType } from '../../src-shared/domain';
import type { FactValue } from '../analysis/extract/types';

export interface StoredValue {
  valueType: ValueType;
  valueText: string;
  valueNumber: number | null;
  currency: string | null;
}

const moneyFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Splits a typed value into columns: a display text for every type, a number where it sorts as one. */
export function toStoredValue(value: FactValue): StoredValue {
  switch (value.type) {
    case 'text':
      return { valueType: 'text', valueText: value.text, valueNumber: null, currency: null };
    case 'number':
      return { valueType: 'number', valueText: String(value.number), valueNumber: value.number, currency: null };
    case 'money':
      return {
        valueType: 'money',
        valueText: `${value.currency === 'USD' ? '$' : `${value.currency} `}${moneyFormat.format(value.number)}`,
        valueNumber: value.number,
        currency: value.currency,
      };
    case 'percent':
      return { valueType: 'percent', valueText: `${value.number}%`, valueNumber: value.number, currency: null };
    case 'date':
      return { valueType: 'date', valueText: value.date, valueNumber: null, currency: null };
    case 'boolean':
      return { valueType: 'boolean', valueText: value.bool ? 'yes' : 'no', valueNumber: value.bool ? 1 : 0, currency: null };
  }
}

export function fromStoredValue(stored: StoredValue): FactValue {
  switch (stored.valueType) {
    case 'text':
      return { type: 'text', text: stored.valueText };
    case 'number':
      return { type: 'number', number: stored.valueNumber ?? 0 };
    case 'money':
      return { type: 'money', number: stored.valueNumber ?? 0, currency: stored.currency ?? 'USD' };
    case 'percent':
      return { type: 'percent', number: stored.valueNumber ?? 0 };
    case 'date':
      return { type: 'date', date: stored.valueText };
    case 'boolean':
      return { type: 'boolean', bool: stored.valueNumber === 1 };
  }
}
