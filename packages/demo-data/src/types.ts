import type { Classification, Role } from '@heli/auth';

/** Where an office stands relative to the own office (市委办公厅). */
export type DemoOfficeKind = 'OWN' | 'HIGHER' | 'LOWER' | 'PARTNER' | 'EXTERNAL';

export type DemoDivisionKind = 'DIVISION' | 'SECRETARIAT';

export interface DemoOffice {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: DemoOfficeKind;
  /** The office above this one in the Party hierarchy, if it is part of the demo. */
  readonly parentId: string | null;
}

export interface DemoDivision {
  readonly id: string;
  readonly name: string;
  readonly kind: DemoDivisionKind;
  readonly officeId: string;
  readonly headId: string;
}

export interface DemoStaff {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly officeId: string;
  /** Null for office leadership, committee leaders and liaison contacts outside a division. */
  readonly divisionId: string | null;
  readonly roles: readonly Role[];
  readonly clearance: Classification;
  readonly phone?: string;
}

export interface DemoCoordinationBody {
  readonly id: string;
  readonly name: string;
  readonly leadId: string;
  readonly memberIds: readonly string[];
  readonly responsibilities: string;
}
