import { performance } from 'node:perf_hooks';
import { claimsForStaff, OWN_OFFICE_ID } from '@heli/demo-data';
import { graphql, tokenFor } from '@heli/testkit';
import { startTestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import {
  bytesOf,
  entryTerms,
  indexCatalogEntries,
  reserveDocNumbers,
} from '../src/catalog/catalog-index.js';
import { catalogVisibilityFilter } from '../src/access/visibility.rules.js';
import type { CatalogEntryRecord } from '../src/catalog/catalog.model.js';
import { searchCatalog } from '../src/catalog/catalog-search.js';
import { rankByRelevance } from '../src/catalog/relevance.rules.js';
import { segment } from '@heli/text-search';
import { createSharingSubgraph } from '../src/server.js';
import { catalogCorpus } from './catalog-corpus.js';

// `pnpm --filter @heli/sharing bench`: the sharing subgraph in-process on the embedded MongoDB
// server (also in this process) and the local NATS, as the tests run it. Prints
//   1. distributing one document to 500 recipients, end to end over HTTP (target < 1 s);
//   2. catalogue search p50/p95 over 100 000 entries (target p95 <= 50 ms), over HTTP and
//      for the search function alone.
// BENCH_ENTRIES (100000), BENCH_DISTRIBUTIONS (10), BENCH_SEARCH_ROUNDS (20).

const ENTRIES = Number(process.env['BENCH_ENTRIES'] ?? 100_000);
const DISTRIBUTIONS = Number(process.env['BENCH_DISTRIBUTIONS'] ?? 10);
const SEARCH_ROUNDS = Number(process.env['BENCH_SEARCH_ROUNDS'] ?? 20);
/** The bench checks results by hand; their shape is not worth a type per operation. */
type BenchData = Record<string, Record<string, unknown> & { id?: string; recipientCount?: number }>;

const QUERIES = [
  '资源共享',
  '保密规定',
  '督查督办 落实',
  '冰雪经济',
  '数字政府建设',
  '优化营商环境',
  '哈尔滨新区项目建设',
  '供暖保障',
];

const subgraph = await startTestSubgraph(
  createSharingSubgraph({ loadDemoData: false, sweepIntervalMs: 0 }),
);
const models = subgraph.runtime.runtime.models;
try {
  await benchDistribution();
  await benchSearch();
} finally {
  await subgraph.close();
}

async function benchDistribution() {
  const secretary = await tokenFor(claimsForStaff('staff-secretariat-1'));
  const registered = await graphql<BenchData>(
    subgraph.url,
    `
      mutation {
        registerDocument(
          input: {
            kind: PROVINCIAL
            title: "关于进一步加强政务资源共享工作的通知"
            documentNumber: "黑办发〔2026〕12号"
            issuer: "中共黑龙江省委办公厅"
            issuedOn: "2026-02-27"
            classification: INTERNAL
          }
        ) {
          id
        }
      }
    `,
    {},
    secretary,
  );
  const documentId = registered.body.data?.['registerDocument']?.id;
  if (!documentId) throw new Error(JSON.stringify(registered.body));
  const staffIds = Array.from({ length: 500 }, (_, i) => `staff-bench-${i}`);
  const dueAt = new Date(Date.now() + 72 * 3_600_000).toISOString();
  const mutation = `mutation ($input: DistributeDocumentInput!) { distributeDocument(input: $input) { id recipientCount } }`;
  const times: number[] = [];
  for (let run = 0; run < DISTRIBUTIONS + 1; run++) {
    const started = performance.now();
    const { body } = await graphql<BenchData>(
      subgraph.url,
      mutation,
      { input: { documentId, staffIds, dueAt } },
      secretary,
    );
    const elapsed = performance.now() - started;
    if (body.errors || body.data?.['distributeDocument']?.recipientCount !== 500)
      throw new Error(JSON.stringify(body));
    if (run > 0) times.push(elapsed); // the first run warms up JIT and connections
  }
  console.log(
    `distribute 1 document to 500 recipients, end to end over HTTP (${times.length} runs after 1 warm-up):`,
  );
  console.log(`  ${summary(times)}   target < 1000 ms`);
}

async function benchSearch() {
  console.log(`indexing ${ENTRIES} catalogue entries …`);
  const started = performance.now();
  const now = new Date();
  const firstDocNo = await reserveDocNumbers(models, ENTRIES);
  const records: CatalogEntryRecord[] = [];
  const indexed: Parameters<typeof indexCatalogEntries>[1][number][] = [];
  let index = 0;
  for (const entry of catalogCorpus(ENTRIES)) {
    const { termFrequencies, termCount } = entryTerms(entry);
    const record: CatalogEntryRecord = {
      _id: `entry-bench-${index}`,
      docNo: firstDocNo + index,
      ...entry,
      officeId: OWN_OFFICE_ID,
      link: null,
      publishedByStaffId: 'staff-research-head',
      publishedAt: new Date(now.getTime() - index * 60_000),
      openCount: 0,
      citationCount: 0,
      termCount,
    };
    records.push(record);
    indexed.push({ ...record, termFrequencies });
    index++;
  }
  for (let start = 0; start < records.length; start += 1_000) {
    await models.catalogEntries.insertMany(records.slice(start, start + 1_000), { lean: true });
  }
  // One indexing call for the whole corpus: each (term, office, classification) gets full chunks.
  await indexCatalogEntries(models, indexed);
  console.log(`  indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  for (const staffId of ['staff-general-1-2', 'staff-confidential-1']) {
    const claims = claimsForStaff(staffId);
    const token = await tokenFor(claims);
    const overHttp: number[] = [];
    const direct: number[] = [];
    const candidates: number[] = [];
    const query = `query ($q: String!) { searchCatalog(query: $q, first: 20) { totalCount hits { score snippet entry { id title } } } }`;
    for (let round = 0; round < SEARCH_ROUNDS + 1; round++) {
      for (const q of QUERIES) {
        let t = performance.now();
        const { body } = await graphql<BenchData>(subgraph.url, query, { q }, token);
        const http = performance.now() - t;
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        t = performance.now();
        const page = await searchCatalog(models, claims, q, { first: 20 });
        const fn = performance.now() - t;
        if (round > 0) {
          overHttp.push(http);
          direct.push(fn);
          candidates.push(page.totalCount);
        }
      }
    }
    console.log(
      `catalogue search over ${ENTRIES} entries as ${staffId} (clearance ${claims.clearance}), ${overHttp.length} searches:`,
    );
    console.log(`  over HTTP      ${summary(overHttp)}   target p95 <= 50 ms`);
    console.log(`  searchCatalog  ${summary(direct)}`);
    console.log(
      `  visible matches per query: median ${percentile(candidates, 50)}, max ${Math.max(...candidates)}`,
    );
  }
  await searchPhases();
}

/**
 * Where a search spends its time, per query, for the SECRET reader: reading the postings from
 * the embedded server (server work + wire + driver decoding), ranking them in the service, and
 * reading the page's entries. The same steps `searchCatalog` takes, timed one by one.
 */
async function searchPhases() {
  const reader = claimsForStaff('staff-confidential-1');
  const visibility = catalogVisibilityFilter(reader);
  console.log('where the time goes (median of 10, SECRET reader):');
  for (const q of QUERIES) {
    const terms = [...new Set(segment(q))];
    const phases: Record<'postings' | 'rank' | 'page', number[]> = {
      postings: [],
      rank: [],
      page: [],
    };
    let matches = 0;
    let bytes = 0;
    for (let round = 0; round < 11; round++) {
      let t = performance.now();
      const chunks = await models.catalogPostings
        .find({ $and: [{ term: { $in: terms } }, visibility] }, { term: 1, postings: 1 })
        .lean();
      const postings = performance.now() - t;
      t = performance.now();
      const ranking = rankByRelevance(
        chunks.map((chunk) => ({ term: chunk.term, chunks: [bytesOf(chunk.postings)] })),
        { entries: ENTRIES, averageTermCount: 40 },
        20,
      );
      const rank = performance.now() - t;
      t = performance.now();
      await models.catalogEntries
        .find({ $and: [{ docNo: { $in: ranking.top.map((hit) => hit.docNo) } }, visibility] })
        .lean();
      const page = performance.now() - t;
      if (round > 0) {
        phases.postings.push(postings);
        phases.rank.push(rank);
        phases.page.push(page);
      }
      matches = ranking.totalCount;
      bytes = chunks.reduce((sum, chunk) => sum + bytesOf(chunk.postings).byteLength, 0);
    }
    const m = (values: number[]) => `${percentile(values, 50).toFixed(1)} ms`;
    console.log(
      `  ${q} — ${matches} matches, ${(bytes / 1024).toFixed(0)} KiB of postings: read postings ${m(phases.postings)}, rank ${m(phases.rank)}, read page ${m(phases.page)}`,
    );
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(times: number[]): string {
  const f = (n: number) => `${n.toFixed(1)} ms`;
  return `p50 ${f(percentile(times, 50))}  p95 ${f(percentile(times, 95))}  max ${f(Math.max(...times))}`;
}
