import {
  CLASSIFICATIONS,
  canRead,
  hasRole,
  type Classification,
  type HeliClaims,
} from '@heli/auth';

/** Who acts for the office towards other offices, and who reads what crossed. */
export interface OfficeScope {
  officeId: string;
  /** The secretariat (秘书处) sends in the office's name. */
  secretariatDivisionId: string | null;
}

/** Only people of this office: a token another office issued never reaches its documents. */
export function isOfficeMember(viewer: HeliClaims, scope: OfficeScope): boolean {
  return viewer.officeId === scope.officeId;
}

function inSecretariat(viewer: HeliClaims, scope: OfficeScope): boolean {
  return scope.secretariatDivisionId !== null && viewer.divisionId === scope.secretariatDivisionId;
}

/** 发文 in the office's name: office leadership, administrators and the secretariat. */
export function canSendDocuments(viewer: HeliClaims, scope: OfficeScope): boolean {
  return (
    isOfficeMember(viewer, scope) &&
    (hasRole(viewer, 'OFFICE_LEADER', 'ADMIN') || inSecretariat(viewer, scope))
  );
}

/** The classifications a member of the office may read; nothing for anybody else. */
export function readableClassifications(viewer: HeliClaims, scope: OfficeScope): Classification[] {
  if (!isOfficeMember(viewer, scope)) return [];
  return CLASSIFICATIONS.filter((classification) => canRead(viewer.clearance, classification));
}

export function canReadDocument(
  viewer: HeliClaims,
  scope: OfficeScope,
  document: { classification: Classification },
): boolean {
  return isOfficeMember(viewer, scope) && canRead(viewer.clearance, document.classification);
}
