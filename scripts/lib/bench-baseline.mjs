/**
 * The bench's baseline: the fastest honest way to read a JSONL file in Node, and nothing else.
 * Streams 1 MiB chunks, decodes UTF-8 across chunk boundaries, splits on '\n' by hand and
 * JSON.parses every line. Prints the number of records, so the parsing cannot be optimised away.
 *
 *   node scripts/lib/bench-baseline.mjs <file.jsonl>
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const decoder = new StringDecoder('utf8');
let count = 0;
let rest = '';

const parseLine = (line) => {
  if (line.length === 0) return;
  JSON.parse(line);
  count++;
};

for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  const text = rest + decoder.write(chunk);
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    parseLine(text.slice(start, end));
    start = end + 1;
  }
  rest = text.slice(start);
}
parseLine(rest + decoder.end());
console.log(count);
