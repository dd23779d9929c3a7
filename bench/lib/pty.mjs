// A real pseudo-terminal without native modules: util-linux `script` allocates the pty, relays our
// writes to it and its output to us unbuffered. The screen is what the app wrote, ANSI codes stripped.
import { spawn } from 'node:child_process';

const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])/g;
export const stripAnsi = (s) => s.replace(ANSI, '');

/**
 * Starts `argv` in a pty of `cols`×`rows`. Returns {started, output(), waitFor(test, ms), press(key, quietMs),
 * close()}; times are performance.now() in ms.
 */
export function startPty(argv, { env, cwd, cols = 100, rows = 32 }) {
  const command = `stty cols ${cols} rows ${rows}; exec ${argv.map(quote).join(' ')}`;
  const started = performance.now();
  const child = spawn('script', ['-q', '-f', '-E', 'never', '-c', command, '/dev/null'], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let text = '';
  let lastData = started;
  const listeners = new Set();
  child.stdout.on('data', (d) => {
    lastData = performance.now();
    text += d.toString('utf8');
    for (const l of listeners) l(lastData);
  });
  let exited = false;
  child.on('close', () => { exited = true; for (const l of listeners) l(performance.now()); });

  /** Resolves the time at which `test(screenText)` first holds, or rejects after `timeout` ms. */
  const waitFor = (test, timeout = 10_000) => new Promise((resolve, reject) => {
    if (test(stripAnsi(text))) return resolve(lastData);
    const timer = setTimeout(() => { listeners.delete(check); reject(new Error(`pty: timed out; screen: ${stripAnsi(text).slice(-600)}`)); }, timeout);
    function check(at) {
      if (test(stripAnsi(text))) { clearTimeout(timer); listeners.delete(check); resolve(at); }
      else if (exited) { clearTimeout(timer); listeners.delete(check); reject(new Error(`pty: exited; screen: ${stripAnsi(text).slice(-600)}`)); }
    }
    listeners.add(check);
  });

  /** Resolves once no output has come for `quietMs` (the frame is complete). */
  const settle = (quietMs) => new Promise((resolve) => {
    const tick = () => {
      const idle = performance.now() - lastData;
      if (idle >= quietMs || exited) resolve();
      else setTimeout(tick, quietMs - idle);
    };
    tick();
  });

  /**
   * Writes `key` and resolves {latency} = ms until the first output after it (the next frame), or null
   * when nothing is drawn within `timeout`; then waits for the frame to settle.
   */
  const press = async (key, { quietMs = 40, timeout = 2_000 } = {}) => {
    const mark = text.length;
    const sent = performance.now();
    child.stdin.write(key);
    let latency = null;
    try {
      const at = await waitFor(() => text.length > mark, timeout);
      latency = at - sent;
    } catch {
      return { latency: null };
    }
    await settle(quietMs);
    return { latency, frame: stripAnsi(text.slice(mark)) };
  };

  const close = () => new Promise((resolve) => {
    if (exited) return resolve();
    child.once('close', resolve);
    child.kill('SIGTERM');
  });

  return { started, screen: () => stripAnsi(text), waitFor, settle, press, close, child };
}
