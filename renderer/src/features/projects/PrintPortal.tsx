import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { GlobalStyles } from '@mui/material';

// Printing: the sheet is rendered a second time straight under <body>, and while it is mounted
// the print style shows only that copy on A4 paper. The app frame is left as it is.

const PRINT_CLASS = 'yishi-print-sheet';

const printStyles = {
  [`.${PRINT_CLASS}`]: { display: 'none' },
  '@media print': {
    '@page': { size: 'A4', margin: '20mm 18mm' },
    [`body > *:not(.${PRINT_CLASS})`]: { display: 'none !important' },
    [`.${PRINT_CLASS}`]: {
      display: 'block',
      color: '#000',
      background: '#fff',
      fontSize: '12pt',
      lineHeight: 1.7,
      fontFamily: '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif',
    },
    [`.${PRINT_CLASS} h1`]: { fontSize: '18pt', textAlign: 'center', margin: '0 0 12pt' },
    [`.${PRINT_CLASS} h2`]: { fontSize: '13pt', margin: '10pt 0 4pt', breakAfter: 'avoid' },
    [`.${PRINT_CLASS} p`]: { margin: '0 0 4pt', textIndent: '2em', orphans: 3, widows: 3 },
    [`.${PRINT_CLASS} .print-footer`]: { textAlign: 'right', marginTop: '18pt', textIndent: 0 },
  },
};

/** Mount while the sheet may be printed; `platform.print()` then prints only `children`. */
export function PrintPortal({ children }: { children: ReactNode }) {
  return (
    <>
      <GlobalStyles styles={printStyles} />
      {createPortal(<div className={PRINT_CLASS}>{children}</div>, document.body)}
    </>
  );
}

/** A document of headed sections, the same on screen and on paper. */
export function PrintDocument({
  title,
  sections,
  footer,
}: {
  title: string;
  sections: readonly { heading: string; lines: readonly string[] }[];
  footer?: readonly string[];
}) {
  return (
    <article>
      <h1>{title}</h1>
      {sections.map((s, i) => (
        <section key={`${s.heading}-${i}`}>
          {s.heading && <h2>{s.heading}</h2>}
          {s.lines.map((line, j) => (
            <p key={j}>{line}</p>
          ))}
        </section>
      ))}
      {footer?.map((line, i) => (
        <p key={`f${i}`} className="print-footer">
          {line}
        </p>
      ))}
    </article>
  );
}
