import type { Connection } from 'mongoose';
import { knownDivisionModel } from './divisions/known-divisions.model.js';
import { evaluationModel } from './evaluations/evaluations.model.js';
import { inspectionModel } from './inspections/inspections.model.js';
import { divisionStandingModel } from './ledger/division-standings.model.js';
import { ledgerGuardModel } from './ledger/ledger-guard.model.js';
import { scoreEntryModel } from './ledger/ledger.model.js';
import { scoringEventModel } from './scoring-events/scoring-events.model.js';
import { scoringRuleSetModel } from './scoring-rules/scoring-rules.model.js';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function assessmentModels(conn: Connection) {
  return {
    ruleSets: scoringRuleSetModel(conn),
    scoringEvents: scoringEventModel(conn),
    scoreEntries: scoreEntryModel(conn),
    divisionStandings: divisionStandingModel(conn),
    ledgerGuards: ledgerGuardModel(conn),
    inspections: inspectionModel(conn),
    evaluations: evaluationModel(conn),
    knownDivisions: knownDivisionModel(conn),
  };
}

export type AssessmentModels = ReturnType<typeof assessmentModels>;
