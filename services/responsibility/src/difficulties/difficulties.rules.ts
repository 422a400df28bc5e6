import {
  CLASSIFICATIONS,
  canRead,
  isOfficeLeader,
  type Classification,
  type HeliClaims,
} from '@heli/auth';
import type { FilterQuery } from 'mongoose';
import { DomainError } from '@heli/subgraph-runtime';
import { outsideOwnOfficeProblem } from '../staff/staff.rules.js';
import type { DifficultyRecord } from './difficulty.model.js';

export const DIFFICULTY_STATUSES = ['OPEN', 'IN_RESOLUTION', 'RESOLVED'] as const;
export type DifficultyStatus = (typeof DIFFICULTY_STATUSES)[number];

/** Statuses listed for the leadership meeting: not resolved yet. */
export const UNRESOLVED_STATUSES: readonly DifficultyStatus[] = ['OPEN', 'IN_RESOLUTION'];

type Viewer = Pick<HeliClaims, 'sub' | 'divisionId' | 'roles' | 'clearance'>;

/**
 * Who sees a difficulty: nobody above their clearance; office leadership every one; others their
 * division's, those they raised and those they were asked to resolve.
 */
export function difficultyVisibilityFilter(viewer: Viewer): FilterQuery<DifficultyRecord> {
  const readable = CLASSIFICATIONS.filter((level) => canRead(viewer.clearance, level));
  const withinClearance: FilterQuery<DifficultyRecord> = { classification: { $in: readable } };
  if (isOfficeLeader(viewer)) return withinClearance;
  const involvement: FilterQuery<DifficultyRecord>[] = [
    { raisedByStaffId: viewer.sub },
    { resolverStaffId: viewer.sub },
  ];
  if (viewer.divisionId !== null) involvement.unshift({ divisionId: viewer.divisionId });
  return { ...withinClearance, $or: involvement };
}

export class DifficultyStateError extends DomainError {
  override readonly name = 'DifficultyStateError';
}

/** Office leadership may (re)assign whoever resolves a difficulty until it is resolved. */
export function assignResolverStatus(status: DifficultyStatus): DifficultyStatus {
  if (status === 'RESOLVED') {
    throw new DifficultyStateError('困难已解决，不能再指派', { code: 'BAD_USER_INPUT' });
  }
  return 'IN_RESOLUTION';
}

export function resolveStatus(status: DifficultyStatus): DifficultyStatus {
  if (status === 'RESOLVED') {
    throw new DifficultyStateError('困难已解决，不能重复办结', { code: 'BAD_USER_INPUT' });
  }
  return 'RESOLVED';
}

/** Office leadership records resolutions; so does the person it asked to resolve the difficulty. */
export function canResolve(
  viewer: Viewer,
  difficulty: Pick<DifficultyRecord, 'resolverStaffId'>,
): boolean {
  return isOfficeLeader(viewer) || difficulty.resolverStaffId === viewer.sub;
}

/**
 * Whom office leadership may ask to resolve a difficulty: someone still working in the own office
 * (not a liaison of another office) and cleared for the difficulty's classification.
 */
export function resolverProblems(
  resolver: { name: string; officeId: string; active: boolean; clearance: Classification },
  ownOfficeId: string | null,
  classification: Classification,
): string[] {
  return [
    resolver.active ? null : `${resolver.name}已离职，不能协调该困难`,
    outsideOwnOfficeProblem(resolver, ownOfficeId, '协调本办公厅的困难'),
    canRead(resolver.clearance, classification)
      ? null
      : `${resolver.name}的涉密等级不足以处理该困难`,
  ].filter((problem) => problem !== null);
}
