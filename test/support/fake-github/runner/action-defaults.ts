import { lookup } from './lookup.js';

/**
 * The `default:` of each input in action.yml, as the runner passes them when a workflow leaves an
 * input out. Enough YAML for that block (plain or quoted scalars); it throws on anything else
 * rather than guess.
 */
export function actionInputDefaults(yaml: string): Record<string, string> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^inputs:\s*(#.*)?$/.test(line));
  if (start < 0) return {};
  const defaults: Record<string, string> = {};
  let inputIndent: number | undefined;
  let input: string | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) break;
    inputIndent ??= indent;
    if (indent === inputIndent) {
      input = /^\s*([^:#]+?)\s*:\s*$/.exec(line)?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
      if (!input) throw new Error(`action.yml: cannot read input line: ${line}`);
      continue;
    }
    const value = /^\s+default:\s*(.*)$/.exec(line)?.[1];
    if (input && value !== undefined && indent > inputIndent) defaults[input] = scalar(value);
  }
  return defaults;
}

function scalar(raw: string): string {
  const text = raw.trim();
  if (text.startsWith("'")) return text.slice(1, text.lastIndexOf("'")).replace(/''/g, "'");
  if (text.startsWith('"')) return JSON.parse(text.slice(0, text.lastIndexOf('"') + 1)) as string;
  if (/^[|>]/.test(text))
    throw new Error('action.yml: block scalars as defaults are not supported');
  return text.replace(/\s+#.*$/, '');
}

/**
 * `${{ github.x.y }}` in a default, from the job's context. A missing property is '' as on the
 * runner; any other expression (functions, operators) throws so the reader can be extended.
 */
export function expandExpressions(value: string, context: Record<string, unknown>): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    if (!/^github(\.[\w-]+)+$/.test(expression)) {
      throw new Error(`runAction: unsupported expression in an action.yml default: ${expression}`);
    }
    const found = lookup(context, expression);
    return found === undefined || found === null ? '' : String(found);
  });
}
