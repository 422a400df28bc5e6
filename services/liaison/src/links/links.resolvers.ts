import { hasRole } from '@heli/auth';
import { forbidden } from '@heli/subgraph-runtime';
import { isOfficeMember } from '../access/liaison-access.rules.js';
import type { LiaisonContext, LiaisonResolvers } from '../context.js';
import type { LiaisonSettings } from '../settings.js';

export function linksResolvers(settings: LiaisonSettings): LiaisonResolvers {
  const member = (ctx: LiaisonContext) => {
    if (
      !isOfficeMember(ctx.viewer, { officeId: settings.office.id, secretariatDivisionId: null })
    ) {
      throw forbidden('只有本机关人员可以查看联络信息');
    }
  };
  return {
    Query: {
      liaisonLinks: (_, __, ctx) => {
        member(ctx);
        return [...settings.links];
      },
      liaisonSelf: (_, __, ctx) => {
        member(ctx);
        return {
          officeId: settings.office.id,
          officeName: settings.office.name,
          publicKey: JSON.stringify(settings.signingKey.publicJwk),
          keyId: settings.signingKey.kid,
        };
      },
      refusedLiaisonMessages: async (_, { first }, ctx) => {
        member(ctx);
        if (!hasRole(ctx.viewer, 'SECURITY_OFFICER', 'ADMIN')) {
          throw forbidden('只有保密管理人员和管理员可以查看拒收记录');
        }
        return ctx.models.refusedMessages
          .find({})
          .sort({ refusedAt: -1 })
          .limit(Math.min(Math.max(first ?? 20, 1), 100))
          .lean()
          .exec();
      },
    },
    LiaisonLink: {
      office: (link) => ({ id: link.officeId }),
      officeName: (link) => link.name,
      acceptedKeyIds: (link) => link.publicKeys.map((key) => key.kid),
    },
    LiaisonSelf: {
      office: (self) => ({ id: self.officeId }),
    },
    RefusedLiaisonMessage: {
      id: (refusal) => refusal._id,
    },
  };
}
