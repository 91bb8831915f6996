export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  /** `file`, `line`, `title`, … */
  properties: Record<string, string>;
}

/** `::warning file=a.ts,line=3::message` lines from a step's stdout, unescaped as the runner does. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, level, props = '', message = ''] = match;
    const properties: Record<string, string> = {};
    for (const pair of props.split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at > 0) properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
    }
    annotations.push({
      level: level as Annotation['level'],
      message: unescape(message),
      properties,
    });
  }
  return annotations;
}

// %25 last, so an escaped "%0A" literal is not decoded twice.
function unescape(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}
