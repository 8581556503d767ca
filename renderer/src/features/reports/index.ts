// 报表 Reports: dashboards per place, the monthly report and the annual summary.
export { ReportsPage } from './ReportsPage';
