// 微实事与项目: proposals, approval by a meeting vote, milestones, spending, acceptance, 公示,
// balances per fund source and year, and the consultations around major works.
export { ProjectsPage } from './ProjectsPage';
