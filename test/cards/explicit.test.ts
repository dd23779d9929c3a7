import { describe, expect, it } from 'vitest';
import { explicitCards } from '../../src/cards/explicit.js';

describe('explicitCards: question :: answer', () => {
  it('makes one card from a line with a spaced ::', () => {
    expect(explicitCards('What does RKE stand for? :: Rancher Kubernetes Engine')).toEqual([
      { front: 'What does RKE stand for?', back: 'Rancher Kubernetes Engine', kind: 'qa', firstLine: 0, lastLine: 0 },
    ]);
  });

  it('adds the reversed card for :::', () => {
    const cards = explicitCards('etcd ::: the key-value store of Kubernetes');
    expect(cards.map((c) => [c.front, c.back])).toEqual([
      ['etcd', 'the key-value store of Kubernetes'],
      ['the key-value store of Kubernetes', 'etcd'],
    ]);
    expect(cards.every((c) => c.firstLine === 0 && c.lastLine === 0)).toBe(true);
  });

  it('reports the line of each card within the block', () => {
    const cards = explicitCards('Some context first.\nCapital of France :: Paris\nCapital of Italy :: Rome');
    expect(cards.map((c) => [c.front, c.back, c.firstLine, c.lastLine])).toEqual([
      ['Capital of France', 'Paris', 1, 1],
      ['Capital of Italy', 'Rome', 2, 2],
    ]);
  });

  it('keeps markdown on both sides and ignores a list marker or quote marker before the question', () => {
    expect(explicitCards('- Start the cluster :: `rke up`')[0]).toMatchObject({ front: 'Start the cluster', back: '`rke up`' });
    expect(explicitCards('> **Default CNI** :: Canal')[0]).toMatchObject({ front: '**Default CNI**', back: 'Canal' });
  });

  it.each([
    ['a C++ scope', 'Use std::vector for dynamic arrays'],
    ['a CloudFormation type', 'The resource type is AWS::EC2::Volume here'],
    ['no spaces', 'a::b'],
    ['a space on one side only', 'key:: value'],
    ['inside backticks', 'In Haskell, `length :: [a] -> Int` counts a list'],
    ['a Haskell signature', 'map :: (a -> b) -> [a] -> [b]'],
    ['a fat arrow', 'handler => x :: y'],
    ['empty parentheses', 'init() :: sets things up'],
    ['braces', 'config {} :: empty object'],
    ['angle brackets', 'Vec<> :: generic'],
    ['an empty question', ' :: answer only'],
    ['four colons', 'a :::: b'],
  ])('makes no card for %s', (_, text) => {
    expect(explicitCards(text)).toEqual([]);
  });

  it('accepts code-like text when it is inside backticks on an otherwise plain side', () => {
    expect(explicitCards('What does `a -> b` denote? :: a function type')).toEqual([
      { front: 'What does `a -> b` denote?', back: 'a function type', kind: 'qa', firstLine: 0, lastLine: 0 },
    ]);
  });

  it('finds code after emoji on the same line', () => {
    expect(explicitCards('🚀 Launch `a -> b` :: the pipeline')).toHaveLength(1);
    expect(explicitCards('🚀 Launch a -> b :: the pipeline')).toEqual([]);
  });

  it('reads CRLF lines like LF lines', () => {
    expect(explicitCards('Q one :: A one\r\nQ two :: A two\r\n').map((c) => [c.front, c.back])).toEqual([
      ['Q one', 'A one'],
      ['Q two', 'A two'],
    ]);
  });

  it('finds nothing inside a fenced code block', () => {
    expect(explicitCards('```cpp\nfoo :: bar\n?\nint x = ==y==;\n```')).toEqual([]);
  });
});

describe('explicitCards: multi-line ? and ??', () => {
  it('takes the lines before ? as the question and the lines after it as the answer', () => {
    expect(explicitCards('Which roles can a node have\nin an RKE cluster?\n?\netcd\ncontrolplane\nworker')).toEqual([
      {
        front: 'Which roles can a node have\nin an RKE cluster?',
        back: 'etcd\ncontrolplane\nworker',
        kind: 'qa',
        firstLine: 0,
        lastLine: 5,
      },
    ]);
  });

  it('makes the reversed card too for ??', () => {
    const cards = explicitCards('Rancher server HA\n??\nthree nodes');
    expect(cards.map((c) => [c.front, c.back])).toEqual([
      ['Rancher server HA', 'three nodes'],
      ['three nodes', 'Rancher server HA'],
    ]);
  });

  it('ends the answer at a blank line and starts the question after one', () => {
    const cards = explicitCards('Unrelated paragraph.\n\nHow often does RKE snapshot etcd?\n?\nEvery 6 hours\n\nNot part of it.');
    expect(cards).toEqual([
      { front: 'How often does RKE snapshot etcd?', back: 'Every 6 hours', kind: 'qa', firstLine: 2, lastLine: 4 },
    ]);
  });

  it('starts the question after a :: card', () => {
    const cards = explicitCards('A :: B\nMulti-line question\n?\nAnswer');
    expect(cards.map((c) => [c.front, c.back, c.firstLine, c.lastLine])).toEqual([
      ['A', 'B', 0, 0],
      ['Multi-line question', 'Answer', 1, 3],
    ]);
  });

  it('removes the indentation of nested answer lines', () => {
    expect(explicitCards('Name the probes\n?\n  - liveness\n  - readiness')[0]?.back).toBe('- liveness\n- readiness');
  });

  it('makes no card from a ? with nothing before or after it', () => {
    expect(explicitCards('?\nanswer without question')).toEqual([]);
    expect(explicitCards('question without answer\n?')).toEqual([]);
    expect(explicitCards('Is this a question?')).toEqual([]);
  });
});

describe('explicitCards: clozes', () => {
  it('hides all highlights of a paragraph in one card and shows them bold on the back', () => {
    expect(explicitCards('The capital of ==France== is ==Paris==.')).toEqual([
      {
        front: 'The capital of […] is […].',
        back: 'The capital of **France** is **Paris**.',
        kind: 'cloze',
        firstLine: 0,
        lastLine: 0,
      },
    ]);
  });

  it.each([
    ['an arrow', 'Click Cluster ==> Edit to change it'],
    ['a left arrow', 'x <== y is an assignment here'],
    ['a triple equals', 'if a === b and c === d then'],
    ['spaced comparisons', 'if a == b and c == d then'],
    ['inline code', 'Compare with `a ==b== c` in code'],
  ])('does not take %s for a highlight', (_, text) => {
    expect(explicitCards(text)).toEqual([]);
  });

  it('makes one Anki cloze card per number, hiding only that number', () => {
    const cards = explicitCards('{{c1::Paris}} is the capital of {{c2::France::country}}.');
    expect(cards.map((c) => [c.front, c.back, c.kind])).toEqual([
      ['[…] is the capital of France.', '**Paris** is the capital of France.', 'cloze'],
      ['Paris is the capital of [country].', 'Paris is the capital of **France**.', 'cloze'],
    ]);
  });

  it('hides every span of the same number together, numbers in order', () => {
    const cards = explicitCards('{{c2::etcd}} stores state; {{c1::kubelet}} runs pods; {{c2::etcd}} needs fast disks');
    expect(cards.map((c) => c.front)).toEqual([
      'etcd stores state; […] runs pods; etcd needs fast disks',
      '[…] stores state; kubelet runs pods; […] needs fast disks',
    ]);
  });

  it('gives a cloze card the lines of its paragraph, not of other cards', () => {
    const text = 'Q :: A\n\nRKE runs ==everything== in\ndocker containers.';
    expect(explicitCards(text)).toEqual([
      { front: 'Q', back: 'A', kind: 'qa', firstLine: 0, lastLine: 0 },
      {
        front: 'RKE runs […] in\ndocker containers.',
        back: 'RKE runs **everything** in\ndocker containers.',
        kind: 'cloze',
        firstLine: 2,
        lastLine: 3,
      },
    ]);
  });

  it('does not read a spaced :: inside an Anki cloze as a question', () => {
    expect(explicitCards('{{c1::Paris :: city}} is in France')).toEqual([
      { front: '[city] is in France', back: '**Paris** is in France', kind: 'cloze', firstLine: 0, lastLine: 0 },
    ]);
  });

  it('does not let a highlight cross a blank line', () => {
    expect(explicitCards('a ==b\n\nc== d')).toEqual([]);
  });

  it('returns nothing for ordinary text', () => {
    expect(explicitCards('Rancher can manage any CNCF certified distribution.')).toEqual([]);
  });
});
