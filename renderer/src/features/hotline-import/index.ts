export { HotlineImportPage } from './HotlineImportPage';
