import type { HeliClaims } from '@heli/auth';
import { forbidden } from '@heli/subgraph-runtime';
import {
  canManageAssessment,
  canSeeScoresOf,
  mayAssessDivision,
} from './assessment-access.rules.js';

export function requireAssessmentManager(viewer: HeliClaims): void {
  if (!canManageAssessment(viewer)) {
    throw forbidden('只有考核人员（ASSESSOR）或厅领导可以维护评分标准、开展检查和发布考评');
  }
}

export function requireScoreViewer(viewer: HeliClaims, divisionId: string): void {
  if (!canSeeScoresOf(viewer, divisionId)) {
    throw forbidden('处室只能查看本处室的考核得分');
  }
}

export function requireImpartialAssessor(
  viewer: Pick<HeliClaims, 'divisionId'>,
  divisionId: string,
): void {
  if (!mayAssessDivision(viewer, divisionId)) {
    throw forbidden('不能检查或评定本处室的工作，请由其他处室的考核人员办理');
  }
}
