// Scores the demo year into the configured database without serving:
//   MONGODB_URI=… JWT_SECRET=… PORT=0 pnpm --filter @heli/assessment seed
import mongoose from 'mongoose';
import { loadAssessmentEnv } from '../env.js';
import { assessmentModels } from '../models.js';
import { loadDemoHistory } from './load-demo-history.js';

const env = loadAssessmentEnv();
const conn = mongoose.createConnection(env.MONGODB_URI, { dbName: env.MONGODB_DB ?? 'assessment' });
try {
  await conn.asPromise();
  const models = assessmentModels(conn);
  await Promise.all(Object.values(models).map((model) => model.init()));
  const summary = await loadDemoHistory({ models, conn });
  process.stdout.write(`demo history: ${summary.scored} of ${summary.events} events scored\n`);
} finally {
  await conn.close();
}
