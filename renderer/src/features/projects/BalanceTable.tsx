import {
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatYuan, type FundBalance } from '#shared/domain/projects/index';
import './strings';

/** 资金结余: per fund source and year, the approved budgets, what was spent and what is left. */
export function BalanceTable({ rows }: { rows: readonly FundBalance[] }) {
  const { t } = useTranslation('projects');
  return (
    <Card>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
          {t('balances.title')}
        </Typography>
        {rows.length === 0 ? (
          <Typography color="text.secondary">{t('balances.none')}</Typography>
        ) : (
          <Table size="small" data-testid="fund-balances">
            <TableHead>
              <TableRow>
                <TableCell>{t('year')}</TableCell>
                <TableCell>{t('balances.fund')}</TableCell>
                <TableCell align="right">{t('balances.projects')}</TableCell>
                <TableCell align="right">{t('balances.budget')}</TableCell>
                <TableCell align="right">{t('balances.spent')}</TableCell>
                <TableCell align="right">{t('balances.balance')}</TableCell>
                <TableCell align="right">{t('balances.proposed')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.year}-${r.fundSource}`} data-testid={`balance-${r.year}-${r.fundSource}`}>
                  <TableCell>{r.year}</TableCell>
                  <TableCell>{t(`fund.${r.fundSource}`)}</TableCell>
                  <TableCell align="right">{r.projects}</TableCell>
                  <TableCell align="right">{formatYuan(r.budgetFen)}</TableCell>
                  <TableCell align="right">{formatYuan(r.spentFen)}</TableCell>
                  <TableCell align="right" data-testid="balance-remaining">
                    {formatYuan(r.balanceFen)}
                  </TableCell>
                  <TableCell align="right">{formatYuan(r.proposedFen)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
