/**
 * Near-duplicate research topics (选题撞车): two proposals are compared by the words of their
 * titles and rationales, weighted so that words shared by every topic (调研, 工作, 推进) count for
 * little, as cosine similarity of the two TF-IDF vectors. Pure: words come in already segmented.
 */

export interface ComparableTopic {
  id: string;
  title: string;
  /** The title's words (weigh double: a title says what a topic is about). */
  titleWords: readonly string[];
  rationaleWords: readonly string[];
}

export interface LikelyDuplicate {
  id: string;
  title: string;
  similarity: number;
}

/** Similarity from which two topics are flagged as likely the same research. */
export const DUPLICATE_THRESHOLD = 0.45;

function termCounts(topic: ComparableTopic): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of topic.titleWords) counts.set(word, (counts.get(word) ?? 0) + 2);
  for (const word of topic.rationaleWords) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Inverse document frequency over the topics compared (smoothed, so it is never zero). */
function inverseFrequencies(topics: readonly ComparableTopic[]): Map<string, number> {
  const documents = new Map<string, number>();
  for (const topic of topics) {
    for (const word of new Set([...topic.titleWords, ...topic.rationaleWords])) {
      documents.set(word, (documents.get(word) ?? 0) + 1);
    }
  }
  const n = topics.length;
  return new Map([...documents].map(([word, df]) => [word, Math.log((n + 1) / (df + 1)) + 1]));
}

function weighted(counts: Map<string, number>, idf: Map<string, number>): Map<string, number> {
  return new Map([...counts].map(([word, tf]) => [word, tf * (idf.get(word) ?? 1)]));
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [word, weight] of a) dot += weight * (b.get(word) ?? 0);
  const norm = (v: Map<string, number>) =>
    Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

/**
 * The topics among `others` that `proposal` likely duplicates, most similar first. The weights
 * are learnt from the proposal and the others together, so the more topics a period has, the
 * better common words are told apart from telling ones.
 */
export function likelyDuplicates(
  proposal: ComparableTopic,
  others: readonly ComparableTopic[],
  threshold = DUPLICATE_THRESHOLD,
): LikelyDuplicate[] {
  const candidates = others.filter((other) => other.id !== proposal.id);
  const idf = inverseFrequencies([proposal, ...candidates]);
  const mine = weighted(termCounts(proposal), idf);
  return candidates
    .map((other) => ({
      id: other.id,
      title: other.title,
      similarity: Math.round(cosine(mine, weighted(termCounts(other), idf)) * 1000) / 1000,
    }))
    .filter((candidate) => candidate.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity);
}
