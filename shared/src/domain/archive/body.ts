import { LONG_TEXT_MAX, TITLE_MAX } from '#shared/schema/base';

// A write-up's body is plain text with 【标题】 section headings, so people edit it in any text
// box and the print view still finds its sections.

export interface CaseSection {
  readonly heading: string;
  readonly text: string;
}

export function joinSections(sections: readonly CaseSection[]): string {
  return sections.map((s) => `【${s.heading}】${s.text}`).join('\n');
}

/** Splits an edited body back into sections; text before the first heading has an empty heading. */
export function splitSections(body: string): CaseSection[] {
  const sections: CaseSection[] = [];
  const pattern = /^【([^】\n]+)】/gm;
  let last = 0;
  let heading = '';
  for (let match = pattern.exec(body); match !== null; match = pattern.exec(body)) {
    const text = body.slice(last, match.index).trim();
    if (heading !== '' || text !== '') sections.push({ heading, text });
    heading = match[1] ?? '';
    last = match.index + match[0].length;
  }
  const tail = body.slice(last).trim();
  if (heading !== '' || tail !== '') sections.push({ heading, text: tail });
  return sections;
}

/** Problems of an edited write-up, in Chinese; empty when it may be saved. */
export function caseProblems(draft: { readonly title: string; readonly body: string }): string[] {
  const problems: string[] = [];
  if (draft.title.trim() === '') problems.push('请填写标题');
  if (draft.title.length > TITLE_MAX) problems.push(`标题不能超过 ${TITLE_MAX} 字`);
  if (draft.body.trim() === '') problems.push('正文不能为空');
  if (draft.body.length > LONG_TEXT_MAX) problems.push(`正文不能超过 ${LONG_TEXT_MAX} 字`);
  return problems;
}
