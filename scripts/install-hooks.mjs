// `npm install` in a git checkout installs the pre-commit hook (ESLint and Prettier on staged
// files, see package.json). CI and copies without git skip it, and a failure to install the hook
// never fails the install itself.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

function inGitCheckout() {
  try {
    execFileSync('git', ['rev-parse', '--git-dir'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (process.env.CI || process.env.SKIP_INSTALL_SIMPLE_GIT_HOOKS || !inGitCheckout()) process.exit(0);
try {
  const cli = createRequire(import.meta.url).resolve('simple-git-hooks/cli.js');
  execFileSync(process.execPath, [cli], { stdio: 'inherit' });
} catch (err) {
  console.warn(`pre-commit hook not installed: ${err instanceof Error ? err.message : String(err)}`);
}
