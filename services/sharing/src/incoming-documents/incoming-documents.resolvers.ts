import { paginate } from '@heli/subgraph-runtime';
import type { SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { writeSharing } from '../records/sharing-write.js';
import { isoTime } from '../schema/iso-time.js';
import { signForIncomingDocument } from './incoming-documents.commands.js';
import { incomingRegistrationFilter } from './incoming-documents.rules.js';

export function incomingDocumentsResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Query: {
      incomingRegistrations: (_, { status, ...page }, ctx, info) =>
        paginate(
          ctx.models.incomingRegistrations,
          {
            $and: [incomingRegistrationFilter(ctx.viewer), ...(status ? [{ status }] : [])],
          },
          { ...page, sort: { field: 'receivedAt', direction: 'DESC' } },
          info,
        ),
    },

    Mutation: {
      signForIncomingDocument: (_, { id }, ctx) =>
        writeSharing(ctx, (write) => signForIncomingDocument(write, ctx.viewer, id, clock.now())),
    },

    IncomingRegistration: {
      id: (registration) => registration._id,
      document: (registration, _, ctx) =>
        viewDocument(ctx, registration.documentId, 'IncomingRegistration.document'),
      fromOffice: (registration) => ({ id: registration.fromOfficeId }),
      receivedAt: (registration) => isoTime(registration.receivedAt),
      signedForAt: (registration) => isoTime(registration.signedForAt),
      signedForBy: (registration) =>
        registration.signedForByStaffId === null ? null : { id: registration.signedForByStaffId },
    },
  };
}
