import { hasRole } from '@heli/auth';
import { forbidden, paginate } from '@heli/subgraph-runtime';
import type { SharingContext, SharingResolvers } from '../context.js';
import { isoTime } from '../shared/iso-time.js';
import type { PageArgs } from '../shared/page-args.js';
import type { DocumentViewRecord } from './audit.model.js';

export const auditResolvers: SharingResolvers = {
  Query: {
    documentViewAudit: (
      _: unknown,
      args: PageArgs & { documentId?: string | null; staffId?: string | null },
      ctx: SharingContext,
    ) => {
      if (!hasRole(ctx.viewer, 'SECURITY_OFFICER'))
        throw forbidden('只有保密员可以查询涉密文件查阅记录');
      const filter: Record<string, unknown> = {};
      if (args.documentId) filter['documentId'] = args.documentId;
      if (args.staffId) filter['staffId'] = args.staffId;
      return paginate(ctx.models.documentViews, filter, {
        ...args,
        sort: { field: 'viewedAt', direction: 'DESC' },
      });
    },
  },

  DocumentViewRecord: {
    id: (view: DocumentViewRecord) => view._id,
    viewer: (view: DocumentViewRecord) => ({ id: view.staffId }),
    viewerDivision: (view: DocumentViewRecord) =>
      view.divisionId === null ? null : { id: view.divisionId },
    viewedAt: (view: DocumentViewRecord) => isoTime(view.viewedAt),
  },
};
