import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { Section } from './report-sections';
import { FigureButton } from './FigureButton';

/** A section as a table; every counted cell opens its records. */
export function FigureTable({ section, dense = false }: { section: Section; dense?: boolean }) {
  return (
    <TableContainer>
      <Table
        size={dense ? 'small' : 'medium'}
        aria-label={section.title}
        data-testid={`table-${section.key}`}
      >
        <TableHead>
          <TableRow>
            {section.columns.map((column, i) => (
              <TableCell key={column} align={i === 0 ? 'left' : 'right'} sx={{ fontWeight: 700 }}>
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {section.rows.map((cells, r) => {
            const rowLabel = cells[0]?.text ?? '';
            return (
              <TableRow key={`${section.key}-${r}`}>
                {cells.map((cell, i) => (
                  <TableCell
                    key={i}
                    align={i === 0 || cell.format === 'text' ? 'left' : 'right'}
                    sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: i === 0 ? 600 : 400 }}
                  >
                    {cell.figure ? (
                      <FigureButton
                        figure={cell.figure}
                        text={cell.text}
                        label={`${rowLabel} ${section.columns[i] ?? ''}`}
                        testId={`cell-${section.key}-${r}-${i}`}
                      />
                    ) : (
                      cell.text
                    )}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
