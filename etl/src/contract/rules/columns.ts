// Building blocks for the per-kind rules. Everything here is built once, when the module loads,
// so validating a row creates no functions.

import { parseDate } from '../dates';
import { parseDecimal, parseInteger, parseKey, parseText } from '../values';
import type { ColumnParser, DefaultedColumn, OptionalColumn, RequiredColumn } from './types';

export function required<T>(parse: ColumnParser<T>): RequiredColumn<T> {
  return { required: true, parse };
}

export function optional<T>(parse: ColumnParser<T>): OptionalColumn<T> {
  return { required: false, parse };
}

export function defaulted<T>(parse: ColumnParser<T>, whenEmpty: T): DefaultedColumn<T> {
  return { required: false, parse, whenEmpty };
}

export const key: ColumnParser<string> = parseKey;
export const date: ColumnParser<string> = parseDate;

export function text(min: number, max: number): ColumnParser<string> {
  return (field) => parseText(field, min, max);
}

export function integer(min: number, max: number): ColumnParser<number> {
  return (field) => parseInteger(field, min, max);
}

/** 0 to 10 with at most one decimal: the scale of every rating and craving score in the contract. */
export const score: ColumnParser<number> = (field) => parseDecimal(field, 0, 10, 1);
