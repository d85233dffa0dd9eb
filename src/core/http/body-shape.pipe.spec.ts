import { DomainError } from '../errors/domain-error';
import { BodyShapePipe } from './body-shape.pipe';

describe('BodyShapePipe', () => {
  const pipe = new BodyShapePipe();
  const body = { type: 'body' as const };
  const refusal = (value: unknown): unknown => {
    try {
      pipe.transform(value, body);
    } catch (error) {
      return (error as DomainError).details.errors;
    }
    return undefined;
  };

  it('refuses a string with an unpaired surrogate and names its field (PostgreSQL refused it with a 500)', () => {
    expect(refusal({ reason: 'a\udbffb' })).toEqual([{ field: 'reason', messages: [expect.stringContaining('unpaired UTF-16 surrogate')] }]);
    expect(refusal({ items: [{ title: '\udc00' }] })).toEqual([{ field: 'items.0.title', messages: [expect.any(String)] }]);
  });

  it('accepts text outside the BMP (a surrogate pair), Hangul and emoji', () => {
    expect(refusal({ reason: '🎉 김대중컨벤션센터 𝒜' })).toBeUndefined();
    expect(pipe.transform({ a: 1 }, { type: 'query' })).toEqual({ a: 1 });
  });

  it('still refuses prototype keys and deep nesting', () => {
    expect(refusal(JSON.parse('{"__proto__": {"x": 1}}'))).toEqual([{ field: '__proto__', messages: [expect.any(String)] }]);
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i += 1) deep = { d: deep };
    expect(refusal(deep)).toEqual([expect.objectContaining({ messages: [expect.stringContaining('nested')] })]);
  });
});
