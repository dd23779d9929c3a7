// An esbuild plugin that edits a few dependencies as they are bundled, each for start-up time (issue 7)
// and without changing what the app does. An edit that no longer applies (the dependency changed) fails
// the build: it must be looked at, not bundled unchanged.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const resolve = createRequire(import.meta.url).resolve;

const EDITS = [
  {
    // string-width (the app's own 8.x, which Ink and the screens measure text with) builds an ICU grapheme
    // segmenter and compiles an expression of every RGI emoji when it is loaded, about 45 ms, though
    // printable ASCII (and the characters wrap-styled.ts measures itself) never needs them: each is built
    // on first use. wrap-ansi's older string-width of its own is left alone.
    module: resolve('string-width'),
    replace: [
      ['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
      ['segmenter.segment(', '(segmenter ??= new Intl.Segmenter()).segment('],
      ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;'],
      ['rgiEmojiRegex.test(', '(rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test('],
    ],
  },
  {
    // commander loads node:child_process when it is loaded, about 5 ms of every command, for subcommands
    // that are separate executables, which recall has none of: it is loaded if one is ever run.
    module: join(dirname(resolve('commander')), 'lib', 'command.js'),
    replace: [[
      "const childProcess = require('node:child_process');",
      "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
    ]],
  },
  {
    // js-yaml (under gray-matter) loads esprima from node_modules when it is loaded, about 13 ms, for
    // its `!!js/function` type, which only the unsafe full schema has; gray-matter parses with
    // `safeLoad`, so esprima is never used.
    module: resolve('js-yaml/lib/js-yaml/type/js/function.js', { paths: [resolve('gray-matter')] }),
    replace: [["esprima = _require('esprima');", 'esprima = undefined;']],
  },
];

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const moduleEdits = {
  name: 'module-edits',
  setup(build) {
    const edited = new Set();
    build.onEnd((result) => {
      const missed = EDITS.filter((edit) => !edited.has(edit.module)).map((edit) => edit.module);
      if (result.errors.length === 0 && missed.length > 0) throw new Error(`module-edits: not bundled any more: ${missed.join(', ')}`);
    });
    for (const edit of EDITS) {
      build.onLoad({ filter: new RegExp(`^${escaped(edit.module)}$`) }, async ({ path }) => {
        let source = await readFile(path, 'utf8');
        for (const [from, to] of edit.replace) {
          if (source.split(from).length !== 2) throw new Error(`module-edits: expected one "${from}" in ${path}`);
          source = source.replace(from, to);
        }
        edited.add(edit.module);
        return { contents: source, loader: 'js' };
      });
    }
  },
};
