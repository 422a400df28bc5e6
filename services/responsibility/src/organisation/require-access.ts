import type { HeliClaims } from '@heli/auth';
import { forbidden } from '@heli/subgraph-runtime';
import {
  canMaintainCoordinationBody,
  canMaintainOrganisation,
} from './organisation-access.rules.js';

export function requireOrganisationMaintainer(viewer: HeliClaims): void {
  if (!canMaintainOrganisation(viewer)) {
    throw forbidden('只有系统管理员（ADMIN）可以维护单位、处室和人员');
  }
}

export function requireCoordinationBodyMaintainer(viewer: HeliClaims): void {
  if (!canMaintainCoordinationBody(viewer)) {
    throw forbidden('只有系统管理员或厅领导可以设置协调机构');
  }
}
