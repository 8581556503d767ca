import { GlobalStyles } from '@mui/material';

// Only the report goes to paper: A4, the app frame and controls hidden, the report page flowing
// from the top-left corner. The frame belongs to the app, so it is hidden by visibility here
// rather than by editing it.
export function PrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@page': { size: 'A4 portrait', margin: '15mm 12mm' },
        '@media print': {
          'body *': { visibility: 'hidden' },
          '#report-print, #report-print *': { visibility: 'visible' },
          '#report-print': { position: 'absolute', left: 0, top: 0, width: '100%' },
          '.no-print': { display: 'none !important' },
          body: { background: '#fff' },
          '#report-print table': { pageBreakInside: 'auto' },
          '#report-print tr': { pageBreakInside: 'avoid' },
          '#report-print h2': { pageBreakAfter: 'avoid' },
        },
      }}
    />
  );
}
