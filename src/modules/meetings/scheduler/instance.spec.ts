import { InstanceError, parseInstance, parseInstanceJson } from './instance';

const base = (): Record<string, unknown> => ({
  format: 'b2b-schedule/1',
  slots: [{ id: 'S1' }],
  tables: [{ id: 'T1' }],
  participants: [
    { id: 'B1', side: 'buyer' },
    { id: 'E1', side: 'exhibitor' },
  ],
  requests: [{ id: 'R1', buyer: 'B1', exhibitor: 'E1' }],
});

describe('parseInstance', () => {
  it('accepts a minimal instance and fills defaults', () => {
    const inst = parseInstance(base());
    expect(inst.requests[0]).toEqual({ id: 'R1', buyer: 'B1', exhibitor: 'E1', weight: 1, language: null });
    expect(inst.interpreters).toEqual([]);
  });

  it.each<[string, (o: Record<string, unknown>) => void, string]>([
    ['a wrong format', (o) => (o.format = 'x'), '"format" must be "b2b-schedule/1", got "x"'],
    ['no slots', (o) => (o.slots = []), '"slots" is empty'],
    ['duplicate slot ids', (o) => (o.slots = [{ id: 'S1' }, { id: 'S1' }]), 'slots: duplicate id "S1"'],
    ['a bad side', (o) => (o.participants = [{ id: 'B1', side: 'seller' }]), 'participants[0] (B1): "side" must be "buyer" or "exhibitor"'],
    ['an unknown slot in unavailable', (o) => (o.participants = [{ id: 'B1', side: 'buyer', unavailable: ['S9'] }]), 'unknown slot "S9"'],
    ['an unknown buyer', (o) => (o.requests = [{ id: 'R1', buyer: 'E1', exhibitor: 'E1' }]), 'requests[0] (R1): "E1" is not a buyer'],
    ['a negative weight', (o) => (o.requests = [{ id: 'R1', buyer: 'B1', exhibitor: 'E1', weight: -1 }]), '"weight" must be a non-negative number'],
    ['an unknown fixed slot', (o) => (o.requests = [{ id: 'R1', buyer: 'B1', exhibitor: 'E1', fixed: { slot: 'S2' } }]), 'fixed slot "S2" is not a slot'],
    ['a bad maxMeetings', (o) => (o.participants = [{ id: 'B1', side: 'buyer', maxMeetings: 1.5 }]), '"maxMeetings" must be a non-negative integer'],
  ])('rejects %s', (_what, mutate, message) => {
    const o = base();
    mutate(o);
    expect(() => parseInstance(o)).toThrow(InstanceError);
    expect(() => parseInstance(o)).toThrow(message);
  });

  it('reports broken JSON as an InstanceError', () => {
    expect(() => parseInstanceJson('{')).toThrow(/^instance: not valid JSON/);
  });
});
