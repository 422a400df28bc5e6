import { DEV_JWT_SECRET, signDevToken, type HeliClaims } from '@heli/auth';

export const TEST_VIEWER: HeliClaims = {
  sub: 'test-staff',
  name: '测试人员',
  divisionId: null,
  officeId: 'test-office',
  roles: ['STAFF'],
  clearance: 'INTERNAL',
};

/**
 * A token every test subgraph accepts (development secret, issuer and audience `heli`) for an
 * ordinary staff member with INTERNAL clearance, changed by `claims`.
 */
export function tokenFor(claims: Partial<HeliClaims> = {}): Promise<string> {
  return signDevToken(
    { ...TEST_VIEWER, ...claims },
    { secret: DEV_JWT_SECRET, issuer: 'heli', audience: 'heli' },
  );
}
