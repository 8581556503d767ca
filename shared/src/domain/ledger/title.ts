import { TITLE_MAX } from '#shared/schema/base';

/** Title length the ledger shows in one line; longer first clauses are cut with an ellipsis. */
export const DERIVED_TITLE_LENGTH = 28;

// Openings of dictated or hotline texts that say nothing about the matter itself.
const LEAD_IN =
  /^(?:(?:市民|居民|住户|群众|老人)?(?:来电|来访|电话)?(?:反映|反应|称|表示|诉求|咨询)[:：，,\s]*)+/u;
const CLAUSE_END = /[。！？!?；;\n]/u;

/**
 * A title from the description when the worker left it empty: the first sentence without the
 * "市民来电反映：" lead-in, whitespace collapsed, cut to one ledger line.
 */
export function deriveTitle(description: string, maxLength = DERIVED_TITLE_LENGTH): string {
  const text = description.replace(/\s+/gu, ' ').trim();
  const body = text.replace(LEAD_IN, '').trim() || text;
  const end = body.search(CLAUSE_END);
  const first = (end >= 0 ? body.slice(0, end) : body).replace(/[，,、：:\s]+$/u, '').trim();
  const chars = [...first];
  const limit = Math.min(maxLength, TITLE_MAX);
  return chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : first;
}

/** The title to store: what the worker typed, else the derived one. */
export function titleFor(title: string, description: string): string {
  const typed = title.trim();
  return typed.length > 0 ? [...typed].slice(0, TITLE_MAX).join('') : deriveTitle(description);
}
