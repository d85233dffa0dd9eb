import { editionsWhere, staffMayAct, type StaffGrant } from './staff-access';

const A = 'edition-a';
const B = 'edition-b';
const member = (grants: StaffGrant[]): { orgAdmin: boolean; grants: StaffGrant[] } => ({ orgAdmin: false, grants });

describe('staffMayAct', () => {
  it('lets an organization admin do everything, the organization included', () => {
    const admin = { orgAdmin: true, grants: [] };
    expect([staffMayAct(admin, ['reviewer'], { edition: A }), staffMayAct(admin, [], 'any'), staffMayAct(admin, [], 'organization')]).toEqual([true, true, true]);
  });

  it('gives a role for its edition only', () => {
    const reviewerOfA = member([{ editionId: A, role: 'reviewer' }]);
    expect(staffMayAct(reviewerOfA, ['reviewer'], { edition: A })).toBe(true);
    expect(staffMayAct(reviewerOfA, ['reviewer'], { edition: B })).toBe(false);
    expect(staffMayAct(reviewerOfA, ['onsite'], { edition: A })).toBe(false);
    expect(staffMayAct(reviewerOfA, ['reviewer'], 'any')).toBe(true);
    expect(staffMayAct(reviewerOfA, ['venue'], 'any')).toBe(false);
    expect(staffMayAct(reviewerOfA, ['reviewer'], 'organization')).toBe(false);
  });

  it('lets an edition admin do every role of that edition, and an all-editions grant every edition', () => {
    expect(staffMayAct(member([{ editionId: A, role: 'admin' }]), ['onsite'], { edition: A })).toBe(true);
    expect(staffMayAct(member([{ editionId: A, role: 'admin' }]), ['onsite'], { edition: B })).toBe(false);
    expect(staffMayAct(member([{ editionId: null, role: 'venue' }]), ['venue'], { edition: B })).toBe(true);
  });

  it('refuses a member without grants and a route that names no role to anyone but admins', () => {
    expect(staffMayAct(member([]), ['reviewer'], 'any')).toBe(false);
    expect(staffMayAct(member([{ editionId: A, role: 'reviewer' }]), [], { edition: A })).toBe(false);
    expect(staffMayAct(member([{ editionId: A, role: 'admin' }]), [], { edition: A })).toBe(true);
  });
});

describe('editionsWhere', () => {
  it('lists the editions of the matching grants, or all', () => {
    expect(editionsWhere(member([{ editionId: A, role: 'reviewer' }, { editionId: B, role: 'onsite' }]), ['reviewer'])).toEqual(new Set([A]));
    expect(editionsWhere(member([{ editionId: null, role: 'admin' }]), ['reviewer'])).toBe('all');
    expect(editionsWhere({ orgAdmin: true, grants: [] }, ['reviewer'])).toBe('all');
  });
});
