export { ProactivePage } from './ProactivePage';
