import 'reflect-metadata';
import { IsInt, IsNotEmpty, IsString, MetadataStorage, ValidateNested, getMetadataStorage, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Address {
  @IsString()
  city!: unknown;
}

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @IsInt()
  count!: unknown;

  @ValidateNested()
  @Type(() => Address)
  address!: unknown;
}

const failing = (object: object): string[] =>
  validateSync(object, { whitelist: true, forbidNonWhitelisted: true }).flatMap((e) => [e.property, ...(e.children ?? []).map((c) => `${e.property}.${c.property}`)]).sort();

const child = (fields: Record<string, unknown>): Child => Object.assign(new Child(), fields);

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers what class-validator answers without it: own, inherited and nested rules, and the whitelist', () => {
    const uncached = new MetadataStorage();
    const storage = getMetadataStorage();
    // Every rule of these classes, looked up through the cache, equals a fresh storage's answer over the same rules.
    const rules = new Set([Address, Base, Child].flatMap((target) => storage.getTargetValidationMetadatas(target, '', false, false)));
    for (const m of rules) uncached.addValidationMetadata(m);
    for (const target of [Address, Base, Child]) {
      expect(storage.getTargetValidationMetadatas(target, '', false, false)).toEqual(uncached.getTargetValidationMetadatas(target, '', false, false));
    }
    expect(failing(child({ name: 'a', count: 1, address: Object.assign(new Address(), { city: 'Seoul' }) }))).toEqual([]);
    expect(failing(child({ name: 1, count: 'x', address: Object.assign(new Address(), { city: 2 }), extra: true }))).toEqual(['address', 'address.city', 'count', 'extra', 'name']);
    // Asked twice: the same (kept) answer.
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(storage.getTargetValidationMetadatas(Child, '', false, false));
  });

  it('drops what it kept when a rule is added later, so a later rule is never missed', () => {
    const valid = { name: 'a', count: 1, address: Object.assign(new Address(), { city: 'Seoul' }) };
    // Before: `note` has no rule, so the whitelist refuses any value (and Child's rules are now kept).
    expect(failing(child({ ...valid, note: 'x' }))).toEqual(['note']);
    IsNotEmpty()(Child.prototype, 'note');
    // After: a kept, stale answer would still refuse 'x' as not whitelisted.
    expect(failing(child({ ...valid, note: 'x' }))).toEqual([]);
    expect(failing(child({ ...valid, note: '' }))).toEqual(['note']);
  });
});
