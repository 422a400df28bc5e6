import { demoDivisions } from './divisions.js';
import { demoOffices } from './offices.js';
import { demoStaff } from './staff.js';
import { demoUsers, type DemoUser } from './users.js';

/** Who a demo user is, as `pnpm token --list` shows it before a developer picks one. */
export interface DemoUserEntry {
  user: DemoUser;
  staffId: string;
  name: string;
  title: string;
  /** The division's name; office leaders have none. */
  division: string;
  office: string;
  roles: readonly string[];
  clearance: string;
}

/** Every named demo user with name, title, division, office, roles and clearance, in `demoUsers` order. */
export function demoUserDirectory(): DemoUserEntry[] {
  return (Object.entries(demoUsers) as [DemoUser, string][]).map(([user, staffId]) => {
    const staff = demoStaff.find((candidate) => candidate.id === staffId);
    if (!staff) throw new Error(`demo user "${user}" names unknown staff "${staffId}"`);
    return {
      user,
      staffId,
      name: staff.name,
      title: staff.title,
      // Office leaders belong to no division.
      division:
        staff.divisionId === null
          ? '（不属处室）'
          : (demoDivisions.find((d) => d.id === staff.divisionId)?.name ?? staff.divisionId),
      office: demoOffices.find((o) => o.id === staff.officeId)?.name ?? staff.officeId,
      roles: staff.roles,
      clearance: staff.clearance,
    };
  });
}
