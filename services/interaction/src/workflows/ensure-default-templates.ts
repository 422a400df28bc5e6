import type { InteractionModels } from '../models.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { templateId } from './workflow.commands.js';

/**
 * Stores version 1 of each standard template that has none yet. An upsert on the version's id
 * with `$setOnInsert`, so starting twice (or two replicas at once) stores each once and never
 * touches a template leadership has since edited.
 */
export async function ensureDefaultTemplates(
  models: InteractionModels,
  now: Date,
): Promise<number> {
  let created = 0;
  for (const template of DEFAULT_TEMPLATES) {
    const result = await models.templates.updateOne(
      { _id: templateId(template.key, 1) },
      {
        $setOnInsert: {
          key: template.key,
          version: 1,
          kind: template.kind,
          name: template.name,
          steps: template.steps,
          createdByStaffId: 'system',
          createdAt: now,
        },
      },
      { upsert: true },
    );
    created += result.upsertedCount;
  }
  return created;
}
