import type { HeliClaims } from '@heli/auth';
import { forbidden } from '@heli/subgraph-runtime';
import {
  canManageAssessment,
  canSeeLeaderboard,
  canSeeScoresOf,
  mayAssessDivision,
} from './assessment-access.rules.js';

export function requireAssessmentManager(viewer: HeliClaims): void {
  if (!canManageAssessment(viewer)) {
    throw forbidden('只有考核人员（ASSESSOR）或厅领导可以维护评分标准、开展检查和发布考评');
  }
}

export function requireLeaderboardViewer(viewer: HeliClaims): void {
  if (!canSeeLeaderboard(viewer)) {
    throw forbidden('只有分析人员、厅领导、市委领导和考核人员可以查看各处室排名');
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
