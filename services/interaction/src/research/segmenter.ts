import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation with jieba (Rust, via napi prebuilt binaries), made once on first
 * use: loading the dictionary takes about a tenth of a second.
 */
let jieba: Jieba | undefined;

/** Words that say nothing about what a research topic is about. */
const STOP_WORDS = new Set(
  '的 了 和 与 及 等 在 是 对 为 中 将 把 被 就 都 也 并 或 以 之 其 该 此 有 由 从 向 于 上 下 我市 全市 进一步 提出 开展 研究 调研'.split(
    ' ',
  ),
);
const MEANINGFUL = /[\p{L}\p{N}]/u;

/** The words of a text for comparing topics: jieba's search mode, stop words dropped. */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba
    .cutForSearch(text, true)
    .map((word) => word.trim().toLowerCase())
    .filter((word) => MEANINGFUL.test(word) && !STOP_WORDS.has(word));
}
