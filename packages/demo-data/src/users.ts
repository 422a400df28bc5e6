/**
 * Friendly names for the demo people a developer most often wants a token for
 * (`pnpm token director`), each pointing at a staff id in `demoStaff`.
 */
export const demoUsers = {
  director: 'staff-director',
  'executive-deputy': 'staff-executive-deputy',
  'deputy-director': 'staff-deputy-director-1',
  'committee-leader': 'staff-party-secretary',
  'secretariat-head': 'staff-secretariat-head',
  'division-head': 'staff-general-1-head',
  staff: 'staff-secretariat-2',
  assessor: 'staff-supervision-assessor',
  security: 'staff-confidential-security',
  admin: 'staff-information-admin',
  analyst: 'staff-research-analyst',
  liaison: 'staff-daoli-liaison',
} as const satisfies Record<string, string>;

export type DemoUser = keyof typeof demoUsers;
