import { StringDecoder } from 'node:string_decoder';
import { LIMITS } from './limits.js';

/**
 * Lines of a streamed file, each at most `maxChars` long: a longer line is
 * dropped as it streams (never held whole) and yielded as `null`.
 */
export async function* boundedLines(source: AsyncIterable<Buffer>, maxChars: number = LIMITS.lineChars): AsyncGenerator<string | null> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let overLong = false;
  const finish = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
  for await (const chunk of source) {
    let text = pending + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      yield overLong || nl - start > maxChars ? null : finish(text.slice(start, nl));
      overLong = false;
      start = nl + 1;
    }
    text = text.slice(start);
    if (text.length > maxChars) {
      overLong = true;
      text = '';
    }
    pending = text;
  }
  pending += decoder.end();
  if (overLong) yield null;
  else if (pending !== '') yield finish(pending);
}
