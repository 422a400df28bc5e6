import { z } from 'zod';

/** Security classifications (密级), lowest first; the order is what clearance checks compare. */
export const CLASSIFICATIONS = [
  'PUBLIC',
  'INTERNAL',
  'CONFIDENTIAL',
  'SECRET',
  'TOP_SECRET',
] as const;

export type Classification = (typeof CLASSIFICATIONS)[number];

export const classificationSchema = z.enum(CLASSIFICATIONS);

/** Negative when `a` is lower than `b`, 0 when equal, positive when higher; usable with sort. */
export function compareClassification(a: Classification, b: Classification): number {
  return CLASSIFICATIONS.indexOf(a) - CLASSIFICATIONS.indexOf(b);
}

/** A person may read material classified at or below their clearance, nothing above it. */
export function canRead(clearance: Classification, classification: Classification): boolean {
  return compareClassification(clearance, classification) >= 0;
}
