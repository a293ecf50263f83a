/** A V8 CPU profile as `--cpu-prof` writes it (the parts read here). */
export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

/** Where a function's code lives, coarsely: what a person would optimise (or could not). */
export function categoryOf(functionName: string, url: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (!url) return 'V8 / native';
  if (url.startsWith('node:')) return /node:(net|https?|_http|stream|internal\/(streams|http|stream_base_commons|net))/.test(url) ? 'Node HTTP, sockets, streams' : 'Node other';
  if (/react-server-dom[^/]*\/cjs\/[^/]*server/.test(url) || /react-server-dom.*server/.test(url)) return 'React flight server';
  if (/react-dom[^/]*\/cjs\/react-dom-server/.test(url) || /react-dom-server/.test(url)) return 'React DOM server (HTML)';
  if (/@aws-sdk|@smithy/.test(url)) return 'AWS SDK';
  if (/next-intl|use-intl|intl-messageformat|@formatjs/.test(url)) return 'i18n libraries';
  if (/jose|next-auth|openid-client|oauth/.test(url)) return 'session (jose, next-auth)';
  // The app-page runtime bundles React's server renderers (flight and DOM) with Next.js's own code.
  if (/app-page[^/]*\.runtime/.test(url)) return 'Next.js app-page runtime (React server renderers inside)';
  if (/[/\\]next[/\\]dist[/\\]/.test(url)) return 'Next.js';
  if (/node_modules/.test(url)) return 'other dependencies';
  if (/\.next[/\\]server[/\\](chunks|app|middleware|edge)/.test(url)) return 'the app’s bundles (project code and what they inline)';
  return 'other';
}

/** Self time per category (and the heaviest functions), in ms per request and as a share of busy time. */
export function summarizeProfile(profile: CpuProfile, requests: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const category = categoryOf(functionName, url);
    if (category === '(idle)') continue;
    busy += micros;
    categories.set(category, (categories.get(category) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${url.split(/[/\\]/).slice(-2).join('/')}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const per = (micros: number) => `${(micros / 1000 / Math.max(requests, 1)).toFixed(2)} ms`;
  const share = (micros: number) => `${((micros / busy) * 100).toFixed(1)} %`;
  const lines = [`Busy ${(busy / 1e6).toFixed(1)} s over ${requests} requests: ${per(busy)} of CPU per request.`, '', 'by category:'];
  for (const [category, micros] of [...categories].sort((a, b) => b[1] - a[1])) lines.push(`  ${share(micros).padStart(7)}  ${per(micros).padStart(9)}  ${category}`);
  lines.push('', 'heaviest functions (self time):');
  for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${share(micros).padStart(7)}  ${name}`);
  return lines.join('\n');
}
