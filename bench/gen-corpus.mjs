// corpus-10k: note files shaped like real study notes (DESIGN.md "Cards from notes"): frontmatter, numbered
// headings at odd levels, summaries of bullet facts, nested bullets, code blocks, tables, callouts, bold
// questions, explicit cards, HTML comments, links, some CRLF files and CJK / accented text. Plus one large
// single note for the super-linearity check. Everything is a pure function of the seed.
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './lib/rng.mjs';

export const CORPUS_VERSION = 1;

const WORDS = (
  'cluster node pod service ingress volume secret config map deploy rollout replica scheduler kubelet proxy ' +
  'etcd snapshot backup restore upgrade certificate token role binding namespace quota limit request label ' +
  'selector taint toleration affinity daemon job cron queue topic partition broker consumer producer offset ' +
  'index shard replica query plan cache eviction latency throughput memory heap stack thread process signal ' +
  'socket packet route gateway subnet firewall policy tenant account identity session cookie header payload ' +
  'schema migration transaction isolation lock deadlock commit rollback journal checkpoint compaction bloom ' +
  'filter hash tree graph vertex edge weight path search sort merge heap array list map set function closure ' +
  'module package bundle compiler parser lexer token grammar runtime garbage collector pointer reference ' +
  'the a of to and in is for on with as by that this it from be are can when which each every only must ' +
  'should will not no more less than then after before between under over into through without within'
).split(' ');
const TERMS = (
  'RKE Helm kubectl etcd CoreDNS Calico Flannel Istio Envoy Prometheus Grafana Loki Kafka Redis Postgres ' +
  'MySQL SQLite Nginx HAProxy Terraform Ansible Docker containerd Rancher Longhorn Vault Consul Raft Paxos ' +
  'B-tree LSM WAL MVCC TCP UDP QUIC TLS DNS BGP OSPF HTTP/2 gRPC GraphQL REST OAuth JWT SAML LDAP'
).split(' ');
const CJK = '集群节点服务存储网络调度容器镜像备份恢复升级证书角色权限命名空间配额标签选择器数据索引分片副本查询缓存延迟吞吐内存线程进程信号路由网关子网防火墙策略租户账户身份会话事务隔离锁提交回滚日志检查点压缩'.split('');
const ACCENTED = 'café naïve résumé façade über straße señor crème déjà coöperate Ærø smörgåsbord jalapeño'.split(' ');
const LANGS = ['bash', 'yaml', 'python', 'go', 'ts', 'sql', 'json', ''];
const CALLOUTS = ['tip', 'note', 'warning', 'important', 'summary', 'info', 'example', 'question'];
const SUMMARY_TITLES = ['Summary', 'Key points', 'Recap', 'Exam tips', 'TL;DR', 'Key takeaways'];
const CJK_SUMMARY = ['总结', '小结', '要点'];

function writer(r, style) {
  const word = () => (r.chance(0.08) ? r.pick(TERMS) : r.chance(0.01) ? r.pick(ACCENTED) : r.pick(WORDS));
  const words = (n) => Array.from({ length: n }, word).join(' ');
  const cjk = (n) => Array.from({ length: n }, () => r.pick(CJK)).join('');
  const inline = (n) => {
    const parts = [];
    for (let i = 0; i < n; i++) {
      const x = r.next();
      if (x < 0.05) parts.push(`\`${r.pick(WORDS)}-${r.pick(WORDS)}\``);
      else if (x < 0.07) parts.push(`**${words(2)}**`);
      else if (x < 0.08) parts.push(`[${words(2)}](https://example.com/${r.pick(WORDS)})`);
      else if (x < 0.085) parts.push(`[[${r.pick(WORDS)}-note|${r.pick(WORDS)}]]`);
      else parts.push(word());
    }
    return parts.join(' ');
  };
  const sentence = () => {
    if (style.cjk && r.chance(0.5)) return `${cjk(r.int(8, 30))}。`;
    const s = inline(r.int(5, 18));
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: r.int(1, 4) }, sentence).join(' ');
  const title = () => {
    if (style.cjk && r.chance(0.4)) return cjk(r.int(2, 6));
    const t = words(r.int(1, 5));
    return t[0].toUpperCase() + t.slice(1);
  };
  const bullets = (depth = 0) => {
    const indent = '  '.repeat(depth);
    const marker = r.chance(0.8) ? '*' : '-';
    const out = [];
    for (let i = r.int(2, 8); i > 0; i--) {
      const x = r.next();
      let item;
      if (x < 0.2) item = `${words(r.int(1, 4))}: ${inline(r.int(3, 12))}`;
      else if (x < 0.3) item = `\`${r.pick(WORDS)}\` - ${inline(r.int(3, 10))}`;
      else item = inline(r.int(3, 20));
      out.push(`${indent}${marker} ${item}`);
      if (depth < 2 && r.chance(0.15)) out.push(bullets(depth + 1));
    }
    return out.join('\n');
  };
  const numbered = () => Array.from({ length: r.int(2, 7) }, (_, i) => `${i + 1}. ${inline(r.int(3, 14))}`).join('\n');
  const code = () => {
    const lines = Array.from({ length: Math.min(60, Math.round(r.logNormal(6, 0.8))) }, () =>
      `${'  '.repeat(r.int(0, 3))}${r.pick(WORDS)} --${r.pick(WORDS)}=${r.pick(WORDS)} ${r.pick(WORDS)}`);
    if (r.chance(0.25)) return lines.map((l) => `    ${l}`).join('\n');
    return `\`\`\`${r.pick(LANGS)}\n${lines.join('\n')}\n\`\`\``;
  };
  const table = () => {
    const cols = r.int(2, 4);
    const head = Array.from({ length: cols }, () => title());
    const rows = Array.from({ length: r.int(2, 6) }, () => Array.from({ length: cols }, () => inline(r.int(1, 6))));
    return [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
  };
  const callout = () => {
    if (r.chance(0.2)) return `!!! ${r.pick(CALLOUTS)} "${title()}"\n    ${paragraph()}\n    ${inline(8)}`;
    const head = r.chance(0.7) ? `> [!${r.pick(CALLOUTS)}] ${title()}` : `> [!${r.pick(CALLOUTS).toUpperCase()}]`;
    return `${head}\n> ${paragraph()}\n> ${sentence()}`;
  };
  const question = () => `**${title()} ${words(r.int(2, 6))}?**\n\n${r.chance(0.5) ? paragraph() : bullets()}`;
  const explicit = () =>
    r.chance(0.7)
      ? `${title()} ${words(r.int(1, 4))} :: ${words(r.int(1, 6))}`
      : `${title()} ${words(r.int(2, 5))}\n?\n${paragraph()}`;
  const summary = (level) => {
    const head = style.cjk && r.chance(0.5) ? r.pick(CJK_SUMMARY) : r.pick(SUMMARY_TITLES);
    const items = Array.from({ length: r.int(2, 7) }, () => {
      const x = r.next();
      if (x < 0.4) return `* ${inline(r.int(2, 8))} **${words(r.int(1, 3))}** ${inline(r.int(0, 6))}`;
      if (x < 0.7) return `* ${words(r.int(1, 4))}: ${inline(r.int(3, 12))}`;
      return `* ${inline(r.int(4, 16))}`;
    });
    return `${'#'.repeat(level)} ${head}\n\n${items.join('\n')}`;
  };
  const block = () => {
    const x = r.next();
    if (x < 0.34) return paragraph();
    if (x < 0.56) return bullets();
    if (x < 0.62) return numbered();
    if (x < 0.71) return code();
    if (x < 0.75) return table();
    if (x < 0.80) return callout();
    if (x < 0.85) return question();
    if (x < 0.88) return explicit();
    if (x < 0.90) return `<!--SR:!2024-0${r.int(1, 9)}-1${r.int(0, 9)},${r.int(1, 90)},${r.int(130, 290)}-->`;
    if (x < 0.92) return `![${words(2)}](images/${r.pick(WORDS)}.png)`;
    if (x < 0.95) return `> ${sentence()}`;
    return `${words(r.int(2, 6))}:`;
  };
  return { title, paragraph, block, summary, words };
}

/** One note of about `target` bytes, ending in "\n"; chapter numbering starts at `firstChapter`. */
function note(r, target, firstChapter = 1) {
  const style = { cjk: r.chance(0.08), numbered: r.chance(0.6), top: r.pick([1, 2, 2, 2, 3]) };
  const w = writer(r, style);
  const out = [];
  const docTitle = w.title();
  if (r.chance(0.75)) {
    const tags = Array.from({ length: r.int(0, 3) }, () => r.pick(WORDS));
    out.push(`---\ntitle: ${docTitle}\ndate: '20${r.int(15, 25)}-0${r.int(1, 9)}-1${r.int(0, 9)}'\ntags: [${tags.join(', ')}]\n` +
      `${r.chance(0.05) ? `id: deck-${Math.floor(r.next() * 1e9)}\n` : ''}---`);
  }
  if (r.chance(0.6)) out.push(`# ${docTitle}`);
  out.push(w.paragraph());
  let size = out.join('\n\n').length;
  for (let chapter = firstChapter; size < target; chapter++) {
    const hashes = '#'.repeat(style.top);
    const chapterHead = style.numbered ? `${hashes} ${chapter}. ${w.title()}` : `${hashes} ${w.title()}`;
    out.push(chapterHead);
    if (r.chance(0.5)) out.push(w.block());
    const sections = r.int(1, 5);
    for (let s = 1; s <= sections && size < target; s++) {
      const level = Math.min(6, style.top + 1 + (r.chance(0.1) ? 1 : 0));
      const sep = r.pick([' ', ': ', ' ']);
      out.push(style.numbered ? `${'#'.repeat(level)} ${chapter}.${s}${sep}${w.title()}` : `${'#'.repeat(level)} ${w.title()}`);
      for (let b = r.int(1, 6); b > 0; b--) out.push(w.block());
      if (r.chance(0.2)) {
        out.push(`${'#'.repeat(Math.min(6, level + 1))} ${w.title()}`);
        for (let b = r.int(1, 3); b > 0; b--) out.push(w.block());
      }
      if (r.chance(0.35)) out.push(w.summary(Math.min(6, level + 1)));
      size = out.join('\n\n').length;
    }
  }
  const text = `${out.join('\n\n')}\n`;
  return r.chance(0.05) ? text.replace(/\n/g, '\r\n') : text;
}

const AREAS = ['kubernetes', 'databases', 'networking', 'languages', 'algorithms', 'security', 'systems', 'languages-cjk'];

/**
 * Writes the corpus under `dir` (once: reused while manifest.json exists) and returns its manifest:
 * `{files, bytes, notesDir, areas: {name: {dir, files, bytes}}, huge: {file, bytes}}`.
 */
export function corpus(dir, { seed, files, hugeBytes }) {
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile)) return JSON.parse(readFileSync(manifestFile, 'utf8'));
  const started = Date.now();
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const r = rng(seed);
  const notesDir = join(tmp, 'notes');
  const areas = {};
  let bytes = 0;
  const topics = AREAS.map((area) => Array.from({ length: r.int(5, 12) }, (_, i) =>
    r.chance(0.5) ? `${i}-${r.pick(WORDS)}` : `${i}-${r.pick(WORDS)}/${r.pick(['basics', 'advanced', 'labs', 'exam'])}`));
  for (let i = 0; i < files; i++) {
    const a = i % AREAS.length;
    const area = AREAS[a];
    const folder = join(notesDir, area, r.pick(topics[a]));
    mkdirSync(folder, { recursive: true });
    const target = Math.max(300, Math.min(60_000, r.logNormal(2100, 0.8)));
    const text = note(r, target);
    const name = `${r.chance(0.3) ? `20${r.int(15, 25)}-0${r.int(1, 9)}-1${r.int(0, 9)}-` : ''}${String(i).padStart(5, '0')}-${r.pick(WORDS)}.md`;
    writeFileSync(join(folder, name), text);
    const size = Buffer.byteLength(text);
    bytes += size;
    areas[area] ??= { dir: join(dir, 'notes', area), files: 0, bytes: 0 };
    areas[area].files++;
    areas[area].bytes += size;
  }
  const hugeDir = join(tmp, 'huge');
  mkdirSync(hugeDir, { recursive: true });
  const pieces = [];
  let hugeSize = 0;
  for (let chapter = 1; hugeSize < hugeBytes; chapter += 3) {
    // Each piece numbers its chapters after the previous one, so the whole reads as one long note.
    const piece = note(r, 6000, chapter).replace(/^---[\s\S]*?---\n\n/, '').replace(/\r\n/g, '\n');
    pieces.push(piece);
    hugeSize += Buffer.byteLength(piece) + 1;
  }
  const hugeText = `---\ntitle: A lifetime of notes\n---\n\n${pieces.join('\n')}`;
  writeFileSync(join(hugeDir, 'lifetime-notes.md'), hugeText);
  const manifest = {
    version: CORPUS_VERSION, seed, files, bytes, notesDir: join(dir, 'notes'), areas,
    huge: { file: join(dir, 'huge', 'lifetime-notes.md'), bytes: Buffer.byteLength(hugeText) },
    generatedMs: 0,
  };
  manifest.generatedMs = Date.now() - started;
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return manifest;
}
