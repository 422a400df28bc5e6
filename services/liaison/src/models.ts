import type { Connection } from 'mongoose';
import { officialDocumentModel } from './documents/document.model.js';
import { officeAssignmentModel } from './matters/office-assignment.model.js';
import { incomingMessageModel, refusedMessageModel } from './transport/incoming-message.model.js';
import { counterModel, outgoingMessageModel } from './transport/outgoing-message.model.js';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function liaisonModels(conn: Connection) {
  return {
    documents: officialDocumentModel(conn),
    outgoingMessages: outgoingMessageModel(conn),
    incomingMessages: incomingMessageModel(conn),
    refusedMessages: refusedMessageModel(conn),
    counters: counterModel(conn),
    officeAssignments: officeAssignmentModel(conn),
  };
}

export type LiaisonModels = ReturnType<typeof liaisonModels>;
