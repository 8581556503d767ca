import { Breadcrumbs, Link, Typography } from '@mui/material';
import { navigate } from './router';

/**
 * The place path of a scoped page (街道 › 社区 › 院落): ancestors are links to the same page one
 * level up, the current place is plain text.
 */
export function ScopeCrumbs({
  crumbs,
  scope,
  name,
  route,
  label,
}: {
  /** Scopes from the top down to `scope`. */
  crumbs: readonly string[];
  scope: string;
  name: (scope: string) => string;
  /** The page's route without its scope, e.g. '/callbacks'. */
  route: string;
  label?: string;
}) {
  return (
    <Breadcrumbs aria-label={label} sx={{ fontSize: '1.125rem' }}>
      {crumbs.map((s) =>
        s === scope ? (
          <Typography key={s} sx={{ fontWeight: 700, fontSize: 'inherit' }}>
            {name(s)}
          </Typography>
        ) : (
          <Link
            key={s}
            component="button"
            sx={{ fontSize: 'inherit' }}
            onClick={() => navigate(`${route}/${s}`)}
          >
            {name(s)}
          </Link>
        ),
      )}
    </Breadcrumbs>
  );
}
