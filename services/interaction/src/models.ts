import type { Connection } from 'mongoose';
import { decisionModel, meetingModel } from './meetings/meeting.model.js';
import { caseModel, stepModel, templateModel } from './workflows/workflow.model.js';
import { directoryModels } from '@heli/directory-read-model';
import { researchModels } from './research/research.model.js';
import { knownDocumentModel } from './documents/known-document.model.js';
import { coordinationModels } from './coordination/coordination.model.js';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function interactionModels(conn: Connection) {
  return {
    meetings: meetingModel(conn),
    decisions: decisionModel(conn),
    templates: templateModel(conn),
    cases: caseModel(conn),
    steps: stepModel(conn),
    ...researchModels(conn),
    knownDocuments: knownDocumentModel(conn),
    ...coordinationModels(conn),
    ...directoryModels(conn),
  };
}

export type InteractionModels = ReturnType<typeof interactionModels>;
