import { describe, expect, it } from 'vitest';
import { isIntroText, isLabelText } from '../../src/cards/short-lines.js';

// Lines of decks/rancher-certified-operator.md and of the other notes DESIGN.md's rules were tried on.
describe('short lines (DESIGN.md "Short lines")', () => {
  it.each([
    '2 Ways to install rancher:',
    'Use Rancher CLI instead of kubectl:',
    'Cluster alert types:',
    'Security/Host config:',
    'Ingress:',
    '容器运行时的三种选择：',
    'Check you are on the right cluster:  ',
  ])('%s is an intro line, and so a label line', (text) => {
    expect(isIntroText(text)).toBe(true);
    expect(isLabelText(text)).toBe(true);
  });

  it.each([
    ['ends in a colon but is two sentences', 'Used for production. Access the cluster with:'],
    ['ends in a colon but has more than 8 words', 'Resources that can only be assigned to a namespace within the project:'],
  ])('a line that %s is a label line, not an intro line', (_, text) => {
    expect(isIntroText(text)).toBe(false);
    expect(isLabelText(text)).toBe(true);
  });

  it.each(['Add helm repo', 'Using your own certificates', 'Check status', 'Restoring with bindmount', 'What is RKE?'])(
    '%s (8 words or fewer, no closing period) is a label line, not an intro line',
    (text) => {
      expect(isLabelText(text)).toBe(true);
      expect(isIntroText(text)).toBe(false);
    },
  );

  it.each([
    'Only thing needed on the host is `docker`.',
    'Ensure etcd nodes have enough IO performance before you put them in production',
    'Rancher server is an application that runs inside kubernetes.\nUsed for production.',
    '它是一个二进制文件。',
  ])('%s is neither', (text) => {
    expect(isLabelText(text)).toBe(false);
    expect(isIntroText(text)).toBe(false);
  });
});
