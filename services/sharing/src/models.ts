import type { Connection } from 'mongoose';
import { documentViewModel } from './audit/audit.model.js';
import {
  catalogCounterModel,
  catalogEntryModel,
  catalogPostingsModel,
  catalogStatisticsModel,
  catalogUseModel,
} from './catalog/catalog.model.js';
import { circulationModel } from './circulation/circulation.model.js';
import { distributionModel, readingRequestModel } from './distribution/distribution.model.js';
import { documentModel } from './documents/documents.model.js';
import { incomingRegistrationModel } from './incoming-documents/incoming-registration.model.js';
import { featuredIssueModel } from './featured/featured.model.js';
import {
  digestScheduleModel,
  infoDigestModel,
  infoSubmissionModel,
} from './info-collection/info-collection.model.js';
import { instructionModel } from './instructions/instructions.model.js';
import { directoryModels } from '@heli/directory-read-model';

/** The service's mongoose models, registered once on its connection (`ctx.models`). */
export function sharingModels(conn: Connection) {
  return {
    documents: documentModel(conn),
    documentViews: documentViewModel(conn),
    distributions: distributionModel(conn),
    readingRequests: readingRequestModel(conn),
    circulations: circulationModel(conn),
    instructions: instructionModel(conn),
    catalogEntries: catalogEntryModel(conn),
    catalogPostings: catalogPostingsModel(conn),
    catalogCounters: catalogCounterModel(conn),
    catalogStatistics: catalogStatisticsModel(conn),
    catalogUses: catalogUseModel(conn),
    infoSubmissions: infoSubmissionModel(conn),
    infoDigests: infoDigestModel(conn),
    digestSchedules: digestScheduleModel(conn),
    featuredIssues: featuredIssueModel(conn),
    ...directoryModels(conn),
    incomingRegistrations: incomingRegistrationModel(conn),
  };
}

export type SharingModels = ReturnType<typeof sharingModels>;
