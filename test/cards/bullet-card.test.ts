import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSummaryTitle, summaryBulletCard } from '../../src/cards/bullet-card.js';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown, rangeOf } from '../../src/cards/inline-markup.js';
import { DEFAULT_SUMMARY_WORDS } from '../../src/store/settings.js';

function plainText(markdown: string): string {
  return toString(parseMarkdown(markdown));
}

const SECTION = ['Learning the Rancher Architecture', 'Summary'];

function card(markdown: string, breadcrumb: readonly string[] = SECTION) {
  return summaryBulletCard(markdown, breadcrumb);
}

describe('summaryBulletCard rule 1: bold and highlight clozes', () => {
  it('hides a bold answer and keeps it bold on the back', () => {
    expect(card('Minimum number of nodes for a rancher server installation is **1**')).toEqual({
      front: 'Minimum number of nodes for a rancher server installation is […]',
      back: 'Minimum number of nodes for a rancher server installation is **1**',
    });
  });

  it('hides a bold span even when the breadcrumb titles carry section numbers', () => {
    const front = card('Minimum number of nodes is **1**', ['1.1 Learning the Rancher Architecture', 'Summary'])?.front;
    expect(front).toBe('Minimum number of nodes is […]');
  });

  it('hides every bold and highlighted span in one card', () => {
    expect(card('**etcd**, **controlplane** and ==worker== are the node roles')).toEqual({
      front: '[…], […] and […] are the node roles',
      back: '**etcd**, **controlplane** and **worker** are the node roles',
    });
  });

  it('treats __bold__ like **bold**', () => {
    expect(card('Only __flannel__ network provider works with Windows clusters')?.front).toBe(
      'Only […] network provider works with Windows clusters',
    );
  });

  it('keeps a span visible when the breadcrumb already names it', () => {
    const c = card('Only **flannel** supports Windows, and **Canal** supports isolation', ['Flannel networking', 'Summary']);
    expect(c?.front).toBe('Only **flannel** supports Windows, and […] supports isolation');
  });

  it('is no cloze when every span is in the breadcrumb', () => {
    const c = card('Only **flannel** network provider works with Windows clusters', ['Flannel', 'Summary']);
    expect(c).toEqual({
      front: 'Only **flannel** network provider …',
      back: 'Only **flannel** network provider works with Windows clusters',
    });
  });

  it('is no cloze when the spans are 70 % of the text or more', () => {
    const c = card('**Rancher Kubernetes Engine runs** on docker');
    expect(c?.front).not.toContain('[…]');
    expect(c?.front.endsWith(' …')).toBe(true);
  });

  it('does not see bold or highlights inside code, or an arrow as a highlight', () => {
    expect(card('Use `**kwargs` to pass keyword arguments in Python')?.front).toBe(
      'Use […] to pass keyword arguments in Python',
    );
    expect(card('Open the cluster ==> Edit page to change the version')?.front).toBe('Open the cluster ==> …');
  });

  it('keeps a highlight inside bold from breaking the back', () => {
    expect(card('RKE runs **==everything==** in docker containers')?.back).toBe('RKE runs **everything** in docker containers');
  });
});

describe('summaryBulletCard rule 2: separators', () => {
  it('splits term: definition', () => {
    expect(card('View active API keys: Click on your user profile icon in the top right and select "API & Keys"')).toEqual({
      front: 'View active API keys',
      back: 'Click on your user profile icon in the top right and select "API & Keys"',
    });
  });

  it('accepts a one-code-span definition after a colon', () => {
    expect(card('Find details on node sensors: `kubectl describe node < node name > `')).toEqual({
      front: 'Find details on node sensors',
      back: '`kubectl describe node < node name > `',
    });
  });

  it('does not split after a term of more than 6 words, or before a one-word definition', () => {
    expect(card('Types of TLS certs you can use with rancher: self-signed, certs from external CA or Letsencrypt')).toEqual({
      front: 'Types of TLS certs you …',
      back: 'Types of TLS certs you can use with rancher: self-signed, certs from external CA or Letsencrypt',
    });
    expect(card('The default network provider of RKE: Canal')?.front).toBe('The default network provider …');
  });

  it('splits at a full-width colon', () => {
    expect(card('默认网络插件：Canal 和 Flannel')).toEqual({ front: '默认网络插件', back: 'Canal 和 Flannel' });
  });

  it('splits at a bold term ending in a colon when the bold is not hidden', () => {
    expect(card('**Resource quota:** controls what a Project can use', ['Resource quota', 'Summary'])).toEqual({
      front: '**Resource quota:**',
      back: 'controls what a Project can use',
    });
  });

  it('splits term - definition when the term has 3 words or fewer', () => {
    expect(
      card('Rancher cloud provider - allows Kubernetes to leverage cloud-specific features such as load balancers and network storage'),
    ).toEqual({
      front: 'Rancher cloud provider',
      back: 'allows Kubernetes to leverage cloud-specific features such as load balancers and network storage',
    });
    expect(card('Canal — combines Flannel and Calico')).toEqual({ front: 'Canal', back: 'combines Flannel and Calico' });
  });

  it('splits term - definition when the term is code or bold, whatever its length', () => {
    expect(card('`kubectl drain <node name>` - evicts all pods from a node')).toEqual({
      front: '`kubectl drain <node name>`',
      back: 'evicts all pods from a node',
    });
    expect(card('**Rancher Kubernetes Engine distribution** - runs in docker', ['Rancher Kubernetes Engine distribution'])).toEqual({
      front: '**Rancher Kubernetes Engine distribution**',
      back: 'runs in docker',
    });
  });

  it('does not split at a dash after a longer plain term, inside a word, inside code or inside parentheses', () => {
    expect(card('For loadbalancer services to provision - A Cloud provider configuration is needed')?.front).toBe(
      'For loadbalancer services to …',
    );
    expect(card('Self-signed certs are generated by rancher by default')?.front).toBe('Self-signed certs are generated …');
    expect(card('Run it with `docker run - rancher` on one host only')?.front).toBe('Run it with […] on one host only');
    expect(card('Nodes (etcd - control) carry the state of the cluster')?.front).toBe('Nodes (etcd - control) …');
  });

  it('puts nested lines on the back after the definition', () => {
    expect(card('Hosted provider: EKS, AKS or GKE\n- support is very good')).toEqual({
      front: 'Hosted provider',
      back: 'EKS, AKS or GKE\n\n- support is very good',
    });
  });
});

describe('summaryBulletCard rule 3: leading code and opening words', () => {
  it('makes a leading code span the cloze', () => {
    expect(card('`cluster.yml` contains all the info RKE needs for a k8s cluster')).toEqual({
      front: '[…] contains all the info RKE needs for a k8s cluster',
      back: '`cluster.yml` contains all the info RKE needs for a k8s cluster',
    });
  });

  it('clozes a code span that would cut the opening words short', () => {
    expect(card('The `ClusterIP` for a Service does not change when the Workload is upgraded')?.front).toBe(
      'The […] for a Service does not change when the Workload is upgraded',
    );
  });

  it('shows a third of the words, at least 4 and at most 6, then …', () => {
    expect(card('Docker method for installing Rancher is for sandbox and demo purposes')?.front).toBe(
      'Docker method for installing …',
    );
    expect(card('Control plane nodes only have one active controller manager so log data may not be present equally across nodes')?.front).toBe(
      'Control plane nodes only have one …',
    );
  });

  it('always hides at least 3 words', () => {
    expect(card('Rancher acts as an authentication proxy')).toEqual({
      front: 'Rancher acts as …',
      back: 'Rancher acts as an authentication proxy',
    });
    expect(card('SSH orchestrates RKE deployments')?.front).toBe('SSH …');
  });

  it('stops before a colon and before a code span', () => {
    expect(card('Upgrades (when: config changes) need a new snapshot taken first')?.front).toBe('Upgrades (when …');
    expect(card('Look at the pod logs `kubectl logs -n cattle-system -l app=rancher` to find out what failed in the server')?.front).toBe(
      'Look at the pod logs …',
    );
  });

  it('closes emphasis the cut leaves open', () => {
    expect(card('RKE supports _the Latest patch releases from the three most recent minor releases_ by default')?.front).toBe(
      'RKE supports _the Latest patch_ …',
    );
  });

  it('counts two CJK characters as a word', () => {
    expect(card('容器编排系统负责调度和管理集群中的工作负载')).toEqual({
      front: '容器编排系统负责 …',
      back: '容器编排系统负责调度和管理集群中的工作负载',
    });
  });

  it('makes no card of a bullet under 4 words that no rule fits', () => {
    expect(card('ConfigMaps')).toBeNull();
    expect(card('Secrets and ConfigMaps')).toBeNull();
    expect(card('   ')).toBeNull();
    expect(card('Uses **Canal**')).toEqual({ front: 'Uses […]', back: 'Uses **Canal**' });
  });
});

describe('summaryBulletCard: a label with a nested list', () => {
  it('asks for the list', () => {
    expect(card('Never use the **latest** tag:\n- It can increase the time to deploy\n- It can break things')).toEqual({
      front: 'Never use the **latest** tag:',
      back: '- It can increase the time to deploy\n- It can break things',
    });
  });

  it('applies the rules to a sentence with nested lines and keeps them on the back', () => {
    const markdown = 'Infrastructure provider then you have to deploy kubernetes into it.\n- ranhcer deploys systems';
    expect(card(markdown)).toEqual({ front: 'Infrastructure provider then you …', back: markdown });
  });
});

describe('isSummaryTitle', () => {
  it.each([
    'Summary',
    'Summary ',
    '### Summary',
    'Key Takeaways:',
    '**5、总结**',
    '5、总结',
    '本章小结',
    'Exam Tips',
    'TL;DR',
    'tldr',
    '📝 Summary',
    '1.2 Recap',
    'Chapter summaries',
    'Key points to remember',
    'まとめ',
    '요약',
  ])('%s is a summary', (title) => {
    expect(isSummaryTitle(title, DEFAULT_SUMMARY_WORDS)).toBe(true);
  });

  it.each(['Installing Rancher', 'Summarize the results', 'Keypoint', 'Key', 'Tipping points', 'Recapture'])(
    '%s is not',
    (title) => {
      expect(isSummaryTitle(title, DEFAULT_SUMMARY_WORDS)).toBe(false);
    },
  );

  it('uses the configured words', () => {
    expect(isSummaryTitle('Cheat sheet', ['cheat sheet'])).toBe(true);
    expect(isSummaryTitle('Summary', ['cheat sheet'])).toBe(false);
  });
});

/** Top-level bullets of the Summary sections of the built-in deck, with their breadcrumbs. */
function deckSummaryBullets(): Array<{ markdown: string; breadcrumb: string[] }> {
  const source = readFileSync(new URL('../../decks/rancher-certified-operator.md', import.meta.url), 'utf8');
  const tree = parseMarkdown(source);
  const bullets: Array<{ markdown: string; breadcrumb: string[] }> = [];
  let crumbs: string[] = [];
  let inSummary = false;
  let previous = '';
  for (const node of tree.children) {
    const { start, end } = rangeOf(node);
    const text = source.slice(start, end);
    if (node.type === 'heading') {
      const title = plainText(text.replace(/^#+\s*/, ''));
      crumbs = [...crumbs.slice(0, node.depth - 1), title];
      inSummary = isSummaryTitle(title, DEFAULT_SUMMARY_WORDS);
    } else if (inSummary && node.type === 'list' && !/:\s*$/.test(previous)) {
      for (const item of node.children) {
        const body = source.slice(rangeOf(item.children[0]!).start, rangeOf(item).end);
        bullets.push({ markdown: body, breadcrumb: crumbs.filter((c) => c !== 'Rancher Certified Operator') });
      }
    }
    previous = text;
  }
  return bullets;
}

describe('the summary bullets of the built-in deck', () => {
  const bullets = deckSummaryBullets();

  it('are all found', () => {
    expect(bullets.length).toBe(77);
  });

  it('each make a fair card: something shown, something hidden, the answer on the back', () => {
    for (const { markdown, breadcrumb } of bullets) {
      const c = summaryBulletCard(markdown, breadcrumb);
      expect(c, markdown).not.toBeNull();
      if (!c) continue;
      const front = plainText(c.front);
      const back = plainText(c.back);
      expect(front.replace(/[[\]…\s]/g, '').length, markdown).toBeGreaterThan(0);
      expect(back.trim().length, markdown).toBeGreaterThan(0);
      expect(front.includes(back), `front gives the answer away: ${markdown}`).toBe(false);
      const hidden = c.front.includes('[…]') || c.front.endsWith(' …');
      const split = !c.back.includes(c.front);
      expect(hidden || split, markdown).toBe(true);
    }
  });

  it('read as a learner expects', () => {
    const fronts = new Map(bullets.map((b) => [b.markdown.trim(), summaryBulletCard(b.markdown, b.breadcrumb)?.front]));
    expect(fronts.get('Minimum number of nodes for a rancher server installation is **1**')).toBe(
      'Minimum number of nodes for a rancher server installation is […]',
    );
    expect(
      fronts.get('Rancher cloud provider - allows Kubernetes to leverage cloud-specific features such as load balancers and network storage'),
    ).toBe('Rancher cloud provider');
    expect(fronts.get('It is **not** possible to migrate from rancher alpha to latest or stable')).toBe(
      'It is […] possible to migrate from rancher alpha to latest or stable',
    );
    expect(fronts.get('Resource quota - controls the amount of resources a Project can use')).toBe('Resource quota');
    expect(fronts.get('Common reason for CNi failure: Network port restrictions between nodes correct')).toBe(
      'Common reason for CNi failure',
    );
    expect(fronts.get('Upgrading RKE change `kubernetes_version` in `cluster.yml` and run `rke up`')).toBe(
      'Upgrading RKE change […] in `cluster.yml` and run `rke up`',
    );
    expect(fronts.get('the point of `nginx-proxy` is so non-control plane nodes can reach control plane components without knowing node addresses')).toBe(
      'the point of […] is so non-control plane nodes can reach control plane components without knowing node addresses',
    );
    // The section is "ConfigMaps and Secrets": the term is not hidden, the opening words are shown instead.
    expect(fronts.get('`ConfigMaps` are stored in the Kubernetes datastore')).toBe('`ConfigMaps` are stored in …');
  });
});
