import type { ReactNode } from 'react';
import { GlobalStyles } from '@mui/material';

// The one way anything reaches paper (meeting papers, reports, project notices, archive stories):
// the sheet stays where it is on screen, and while one is mounted, printing removes everything
// but the sheets and their ancestors, which lose their frames. Nothing is rendered twice and the
// app frame never reaches the printer. Chromium (and so Electron) supports `:has()`.

const SHEET = 'yishi-print-sheet';

const printStyles = {
  '@media print': {
    '@page': { size: 'A4', margin: '18mm 16mm' },
    [`body:has(.${SHEET})`]: { background: '#fff !important' },
    [`body:has(.${SHEET}) :not(:has(.${SHEET})):not(.${SHEET}):not(.${SHEET} *)`]: {
      display: 'none !important',
    },
    [`body:has(.${SHEET}) :has(.${SHEET})`]: {
      display: 'block !important',
      position: 'static !important',
      margin: '0 !important',
      padding: '0 !important',
      border: '0 !important',
      boxShadow: 'none !important',
      background: 'none !important',
      minHeight: '0 !important',
      width: 'auto !important',
      maxWidth: 'none !important',
      overflow: 'visible !important',
      borderRadius: '0 !important',
    },
    [`.${SHEET}`]: { color: '#000', background: '#fff' },
    [`.${SHEET} tr`]: { breakInside: 'avoid' },
    [`.${SHEET} h2`]: { breakAfter: 'avoid' },
    // A document of headed sections (PrintDocument) in the register of a printed notice.
    [`.${SHEET} .yishi-print-document`]: {
      fontSize: '12pt',
      lineHeight: 1.7,
      fontFamily: '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif',
    },
    [`.${SHEET} .yishi-print-document h1`]: { fontSize: '18pt', textAlign: 'center', margin: '0 0 12pt' },
    [`.${SHEET} .yishi-print-document h2`]: { fontSize: '13pt', margin: '10pt 0 4pt', breakAfter: 'avoid' },
    [`.${SHEET} .yishi-print-document p`]: { margin: '0 0 4pt', textIndent: '2em', orphans: 3, widows: 3 },
    [`.${SHEET} .yishi-print-document .print-footer`]: {
      textAlign: 'right',
      marginTop: '18pt',
      textIndent: 0,
    },
  },
};

/** What printing puts on paper; the rest of the screen stays off it. */
export function PrintSheet({
  children,
  className,
  ...rest
}: {
  children: ReactNode;
  className?: string;
} & Record<`data-${string}`, string>) {
  return (
    <>
      <GlobalStyles styles={printStyles} />
      <div className={className ? `${SHEET} ${className}` : SHEET} {...rest}>
        {children}
      </div>
    </>
  );
}

/** A document of headed sections, the same on screen and on paper (project notices, archive stories). */
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
    <article className="yishi-print-document">
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
