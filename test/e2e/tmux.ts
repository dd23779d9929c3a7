/** The built `recall` in a real terminal: a tmux server of the test's own, 100×30, and what is on its screen. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DECK = join(ROOT, 'test/fixtures/ui/deck.md');
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * A tmux session named `name` on a server of its own: other tmux users on the machine neither see nor stop
 * it. Each start gets a new server: `kill-server` returns before the old one has gone, and a session
 * started on its socket meanwhile fails with "server exited unexpectedly".
 */
export function tmuxSession(name: string) {
  let starts = 0;
  let socket = ['-L', name];
  const tmux = (...args: string[]) => execFileSync('tmux', [...socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', name);

  /** Polls the pane until `predicate` holds; fails with the pane's text after the deadline. */
  async function waitForScreen(predicate: (text: string) => boolean, what: string, ms = 30_000): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const text = screen();
      if (predicate(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${text}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return {
    /**
     * Runs `recall <args>` with `home` as data folder (and its config under it), then waits. The server
     * inherits vitest's environment: with VITEST set the CLI would not run its main, and with CI set (as
     * on the CI machine) Ink renders only the last frame, as for a log file.
     */
    start(home: string, args: string): void {
      socket = ['-L', `${name}-${++starts}`];
      const command = `env -u VITEST -u CI node bin/recall.js --home '${home}' --decks '${DECK}' ${args}; echo RECALL-EXITED $?; sleep 600`;
      tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', '-c', ROOT,
        '-e', `XDG_CONFIG_HOME=${join(home, 'config')}`, '-e', 'EDITOR=true', command);
    },
    screen,
    send: (...keys: string[]) => tmux('send-keys', '-t', name, ...keys),
    waitForScreen,
    waitForText: (text: string) => waitForScreen((s) => s.includes(text), JSON.stringify(text)),
    /** Ends the session (and its server). */
    kill: () => spawnSync('tmux', [...socket, 'kill-server']),
  };
}
