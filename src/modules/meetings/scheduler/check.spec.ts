import { checkSchedule, type ViolationCode } from './check';
import { FORMAT_ID, type Instance, type Meeting } from './types';

const inst: Instance = {
  format: FORMAT_ID,
  slots: [{ id: 'S1' }, { id: 'S2' }],
  tables: [{ id: 'T1' }, { id: 'P1' }],
  interpreters: [{ id: 'I1', languages: ['vi'], unavailable: ['S2'] }, { id: 'I2', languages: ['en'] }],
  participants: [
    { id: 'B1', side: 'buyer', table: 'T1', maxMeetings: 1 },
    { id: 'B2', side: 'buyer', unavailable: ['S2'] },
    { id: 'E1', side: 'exhibitor' },
    { id: 'E2', side: 'exhibitor' },
  ],
  requests: [
    { id: 'R1', buyer: 'B1', exhibitor: 'E1', language: 'vi' },
    { id: 'R2', buyer: 'B1', exhibitor: 'E2' },
    { id: 'R3', buyer: 'B2', exhibitor: 'E1' },
    { id: 'R4', buyer: 'B2', exhibitor: 'E2', fixed: { slot: 'S1', table: 'P1' } },
  ],
};

const codes = (meetings: Meeting[]): ViolationCode[] => checkSchedule(inst, meetings).map((v) => v.code);
const fixed: Meeting = { request: 'R4', slot: 'S1', table: 'P1' };

describe('checkSchedule', () => {
  it('accepts a valid schedule', () => {
    expect(checkSchedule(inst, [fixed, { request: 'R1', slot: 'S1', table: 'T1', interpreter: 'I1' }])).toEqual([]);
  });

  it.each<[string, Meeting[], ViolationCode]>([
    ['unknown request', [fixed, { request: 'R9', slot: 'S1', table: 'P1' }], 'unknown-request'],
    ['a request twice', [fixed, fixed], 'duplicate-request'],
    ['a fixed meeting moved', [{ request: 'R4', slot: 'S2', table: 'P1' }], 'fixed-moved'],
    ['a fixed meeting missing', [], 'fixed-missing'],
    ['an unknown slot', [fixed, { request: 'R2', slot: 'S9', table: 'T1' }], 'unknown-slot'],
    ['an unavailable participant', [fixed, { request: 'R3', slot: 'S2', table: 'P1' }], 'participant-unavailable'],
    ['a double-booked participant', [fixed, { request: 'R3', slot: 'S1', table: 'P1' }], 'participant-double-booked'],
    ['too many meetings', [fixed, { request: 'R1', slot: 'S1', table: 'T1', interpreter: 'I1' }, { request: 'R2', slot: 'S2', table: 'T1' }], 'max-meetings'],
    ['an unknown table', [fixed, { request: 'R2', slot: 'S2', table: 'T9' }], 'unknown-table'],
    ['a meeting away from its host table', [fixed, { request: 'R2', slot: 'S2', table: 'P1' }], 'wrong-table'],
    ['a pool meeting at an owned table', [{ request: 'R4', slot: 'S1', table: 'T1' }], 'wrong-table'],
    ['a double-booked table', [fixed, { request: 'R3', slot: 'S1', table: 'P1' }], 'table-double-booked'],
    ['a missing interpreter', [fixed, { request: 'R1', slot: 'S1', table: 'T1' }], 'interpreter-missing'],
    ['an interpreter without the language', [fixed, { request: 'R1', slot: 'S1', table: 'T1', interpreter: 'I2' }], 'interpreter-language'],
    ['an unavailable interpreter', [fixed, { request: 'R1', slot: 'S2', table: 'T1', interpreter: 'I1' }], 'interpreter-unavailable'],
    ['an interpreter that is not needed', [fixed, { request: 'R2', slot: 'S2', table: 'T1', interpreter: 'I2' }], 'interpreter-not-needed'],
  ])('flags %s', (_what, meetings, code) => {
    expect(codes(meetings)).toContain(code);
  });

  it('flags an interpreter in two meetings at once and names the rule', () => {
    const two: Instance = {
      ...inst,
      requests: [...inst.requests, { id: 'R5', buyer: 'B2', exhibitor: 'E1', language: 'vi' }],
    };
    const v = checkSchedule(two, [
      fixed,
      { request: 'R1', slot: 'S1', table: 'T1', interpreter: 'I1' },
      { request: 'R5', slot: 'S1', table: 'P1', interpreter: 'I1' },
    ]);
    expect(v.find((x) => x.code === 'interpreter-double-booked')).toMatchObject({ rule: 4, request: 'R5' });
  });
});
