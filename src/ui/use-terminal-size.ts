import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { terminalSize, type TerminalSize } from './terminal-size.js';

/** The terminal's size, updated on resize. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => terminalSize(stdout));
  useEffect(() => {
    const update = () => setSize(terminalSize(stdout));
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return size;
}
