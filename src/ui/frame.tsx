import { Box, Text } from 'ink';
import { frameRows } from './layout.js';

/** Pre-rendered lines, one Ink row each, cut to `width`: screens build lines so they control every row. */
export function Frame({ lines, width }: { readonly lines: readonly string[]; readonly width: number }) {
  return (
    <Box flexDirection="column">
      {frameRows(lines, width).map((row, i) => (
        <Text key={i} wrap="truncate-end">{row}</Text>
      ))}
    </Box>
  );
}
