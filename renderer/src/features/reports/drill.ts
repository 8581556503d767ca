import { createContext, useContext } from 'react';
import type { Figure } from '#shared/domain/reports/index';

/** Opens the list of the records behind a number: `label` says what was counted. */
export type Drill = (label: string, figure: Figure) => void;

export const DrillContext = createContext<Drill>(() => undefined);

export const useDrill = (): Drill => useContext(DrillContext);
