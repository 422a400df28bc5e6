import { hasRole } from '@heli/auth';
import { forbidden, paginate } from '@heli/subgraph-runtime';
import type { SharingResolvers } from '../context.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime } from '../schema/iso-time.js';

export const auditResolvers: SharingResolvers = {
  Query: {
    documentViewAudit: (_, args, ctx, info) => {
      if (!hasRole(ctx.viewer, 'SECURITY_OFFICER'))
        throw forbidden('只有保密员可以查询涉密文件查阅记录');
      const filter: Record<string, unknown> = {};
      if (args.documentId) filter['documentId'] = args.documentId;
      if (args.staffId) filter['staffId'] = args.staffId;
      return paginate(
        ctx.models.documentViews,
        filter,
        { ...args, sort: { field: 'viewedAt', direction: 'DESC' } },
        info,
      );
    },
  },

  DocumentViewRecord: {
    id: (view) => view._id,
    document: (view, _, ctx) => viewDocument(ctx, view.documentId, 'DocumentViewRecord.document'),
    viewer: (view) => ({ id: view.staffId }),
    viewerDivision: (view) => (view.divisionId === null ? null : { id: view.divisionId }),
    viewedAt: (view) => isoTime(view.viewedAt),
  },
};
