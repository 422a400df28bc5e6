import type { HeliClaims } from './claims.js';
import { compareClassification, type Classification } from './classification.js';
import type { Role } from './roles.js';

/** What the organisation's directory says of a person now. */
export interface RecordedStanding {
  active: boolean;
  clearance: Classification;
  /** Omitted where the directory does not keep roles. */
  roles?: readonly Role[];
}

/**
 * The token's claims narrowed to what the directory records now, or null for a person no longer
 * active. A token lives for hours; a deactivation or a lowered clearance must not wait for it to
 * expire. The directory only ever narrows: a raise takes effect with the next token, so a
 * directory lagging behind an event can never grant more than the identity provider did. A person
 * the directory does not know (yet) keeps the token's claims.
 */
export function viewerAsRecorded(
  viewer: HeliClaims,
  recorded: RecordedStanding | null,
): HeliClaims | null {
  if (!recorded) return viewer;
  if (!recorded.active) return null;
  const recordedRoles = recorded.roles;
  return {
    ...viewer,
    clearance:
      compareClassification(recorded.clearance, viewer.clearance) < 0
        ? recorded.clearance
        : viewer.clearance,
    roles: recordedRoles
      ? viewer.roles.filter((role) => recordedRoles.includes(role))
      : viewer.roles,
  };
}
