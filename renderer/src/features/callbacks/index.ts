// 评 Evaluate: call-backs (回访) and the three rates per place and period.
export { CallbacksPage } from './CallbacksPage';
