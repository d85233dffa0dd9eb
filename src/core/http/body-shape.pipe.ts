import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** Deeper than any body Fairgate accepts; stops deep nesting before class-transformer recurses on it. */
const MAX_DEPTH = 32;
/** Keys that name JavaScript prototypes: never a field of ours, refused rather than silently dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A UTF-16 surrogate without its pair (JSON allows "\udbff"): not text, and PostgreSQL refuses it in jsonb. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Runs before validation on every request body: refuses prototype keys (reliability T13), absurd
 * nesting and strings that are not Unicode text with a 400 that names the field, instead of letting
 * them vanish, overflow or fail in the database.
 */
@Injectable()
export class BodyShapePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const problem = inspect(value, '', 0);
    if (problem) throw DomainError.validation([problem]);
    return value;
  }
}

function inspect(value: unknown, path: string, depth: number): { field: string; messages: string[] } | undefined {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value) ? { field: path || '(body)', messages: ['contains an unpaired UTF-16 surrogate: not valid Unicode text'] } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_DEPTH) {
    return { field: path || '(body)', messages: [`the body is nested more than ${MAX_DEPTH} levels deep`] };
  }
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return { field, messages: [`property ${key} should not exist`] };
    const found = inspect((value as Record<string, unknown>)[key], field, depth + 1);
    if (found) return found;
  }
  return undefined;
}
