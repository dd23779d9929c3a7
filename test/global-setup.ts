import { execFileSync } from 'node:child_process';

// Tests that spawn bin/recall.js need dist/ to match src/: rebuild once per run (esbuild, ~0.2 s).
export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
}
