// 督 Supervise: the supervision board with 督办 escalation and 验收.
export { SupervisionPage } from './SupervisionPage';
