export { SetupPage } from './SetupPage';
export { loadDemoStreet } from './setup-actions';
