import { FUND_SOURCES, type FundSource, type ProjectKind, type ProjectState } from '#shared/domain/vocab';
import { liesUnder } from '#shared/domain/places/index';
import { countOf, sumOf, type Figure } from './figures';
import { inPeriod, yearsOf, type Period } from './period';

// 微实事 and fund use per source. A project belongs to the period when its budget year overlaps
// it; money spent counts by the date of each spending entry inside the period. Rejected projects
// are counted apart and hold no budget.

interface Project {
  readonly id: string;
  readonly scope: string;
  readonly kind: ProjectKind;
  readonly fundSource: FundSource;
  readonly year: number;
  readonly budgetFen: number;
  readonly status: ProjectState;
  readonly spending: readonly { readonly at: string; readonly amountFen: number }[];
}

export const DONE_PROJECT_STATES: readonly ProjectState[] = ['completed', 'accepted', 'published'];

export interface FundFigures {
  /** Projects of the period, rejected ones excepted. */
  readonly projects: Figure;
  readonly micro: Figure;
  readonly done: Figure;
  readonly rejected: Figure;
  /** Budgets of `projects`, fen. */
  readonly budgetFen: Figure;
  /** Spending inside the period, fen, over the projects that spent. */
  readonly spentFen: Figure;
}

export interface ProjectFunds {
  readonly total: FundFigures;
  /** Every fund source, in the catalogue order. */
  readonly bySource: readonly { readonly source: FundSource; readonly figures: FundFigures }[];
}

function figures(projects: readonly Project[], period: Period): FundFigures {
  const live = projects.filter((p) => p.status !== 'rejected');
  const spent = live
    .map((p) => ({
      id: p.id,
      fen: p.spending.filter((s) => inPeriod(s.at, period)).reduce((sum, s) => sum + s.amountFen, 0),
    }))
    .filter((p) => p.fen > 0);
  return {
    projects: countOf(
      'projects',
      live.map((p) => p.id),
    ),
    micro: countOf(
      'projects',
      live.filter((p) => p.kind === 'micro').map((p) => p.id),
    ),
    done: countOf(
      'projects',
      live.filter((p) => DONE_PROJECT_STATES.includes(p.status)).map((p) => p.id),
    ),
    rejected: countOf(
      'projects',
      projects.filter((p) => p.status === 'rejected').map((p) => p.id),
    ),
    budgetFen: sumOf(
      'projects',
      live.map((p) => p.id),
      live.reduce((sum, p) => sum + p.budgetFen, 0),
    ),
    spentFen: sumOf(
      'projects',
      spent.map((p) => p.id),
      spent.reduce((sum, p) => sum + p.fen, 0),
    ),
  };
}

export function projectFunds(
  projects: readonly Project[],
  options: Period & { readonly scope: string },
): ProjectFunds {
  const years = new Set(yearsOf(options));
  const inScope = projects.filter((p) => liesUnder(p.scope, options.scope) && years.has(p.year));
  return {
    total: figures(inScope, options),
    bySource: FUND_SOURCES.map((source) => ({
      source,
      figures: figures(
        inScope.filter((p) => p.fundSource === source),
        options,
      ),
    })),
  };
}
