import type { Attribute } from '../engine/index.ts';
import { textProblem } from './valueKeys.ts';

type TextAttribute = Extract<Attribute, { type: 'text' }>;

/** A text value the model refuses, with what the buyer needs to fix it. */
export interface TextRefusal {
  problem: 'too-short' | 'too-long' | 'pattern';
  /** The value's length in characters (code points). */
  length: number;
  minLength: number | undefined;
  maxLength: number | undefined;
  /** For `pattern`: the distinct characters the pattern refuses, in order of appearance (may be
   * empty when the pattern refuses an arrangement rather than single characters). */
  refused: string[];
}

function accepts(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/**
 * Why the model refuses a text value, or undefined when it is accepted. For a pattern, each
 * distinct character is tried on its own (repeated to the minimum length): the ones the pattern
 * refuses are named.
 *
 * @example
 * textRefusal({ type: 'text', pattern: '^[A-Za-z ]*$', … }, 'Für Anna')?.refused // ['ü']
 */
export function textRefusal(attribute: TextAttribute, text: string): TextRefusal | undefined {
  const problem = textProblem(attribute, text);
  if (!problem) return undefined;
  const chars = [...text];
  const refused: string[] = [];
  if (problem === 'pattern' && attribute.pattern !== undefined) {
    const pattern = new RegExp(attribute.pattern, 'u');
    const width = Math.max(1, attribute.minLength ?? 1);
    for (const c of new Set(chars)) if (!accepts(pattern, c.repeat(width))) refused.push(c);
  }
  return {
    problem,
    length: text.length,
    minLength: attribute.minLength,
    maxLength: attribute.maxLength,
    refused,
  };
}
