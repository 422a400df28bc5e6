import type { Classification } from '@heli/auth';

export const CLASSIFICATION_NAMES: Record<Classification, string> = {
  PUBLIC: '公开',
  INTERNAL: '内部',
  CONFIDENTIAL: '秘密',
  SECRET: '机密',
  TOP_SECRET: '绝密',
};
