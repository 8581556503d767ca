import { titleParts } from '#shared/domain/meetings/index';

/**
 * A paper's title whose last two characters never part: the tail is unbreakable, so a wrapped
 * title never leaves one character alone on its last line.
 */
export function Title({ text }: { text: string }) {
  const [head, tail] = titleParts(text);
  return (
    <>
      {head}
      <span style={{ whiteSpace: 'nowrap' }}>{tail}</span>
    </>
  );
}
