import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation with jieba (Rust, via napi prebuilt binaries). Loading the
 * dictionary takes about a tenth of a second, so the instance is made once, on first use.
 */
let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Words that occur in nearly every office text and say nothing about what it is about. */
const STOP_WORDS = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '等',
  '在',
  '是',
  '对',
  '为',
  '中',
  '将',
  '把',
  '被',
  '就',
  '都',
  '也',
  '并',
  '或',
  '以',
  '之',
  '其',
  '该',
  '此',
  '有',
  '由',
  '从',
  '向',
  '于',
  '上',
  '下',
  'the',
  'and',
  'of',
]);

// A term needs at least one letter or digit (CJK included); punctuation and spaces are dropped.
const MEANINGFUL = /[\p{L}\p{N}]/u;

/**
 * The search terms of a text, in order, repeats kept (they are the term frequencies): jieba's
 * search mode, which adds the parts of long words (资源共享 → 资源, 共享, 资源共享), so a
 * search for either part finds the whole.
 */
export function segment(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .map((word) => word.trim().toLowerCase())
    .filter((word) => MEANINGFUL.test(word) && !STOP_WORDS.has(word) && !/[.$]/.test(word));
}
