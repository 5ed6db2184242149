/**
 * Python's `json.dumps` writes `Infinity` for an unbounded float, and
 * benchmark scripts save unbounded settings that way: SGLang's
 * `bench_serving` writes its default request rate as `"request_rate":
 * Infinity`. JSON.parse refuses the word, which would fail a whole result
 * file over one setting. After JSON.parse has refused a text, a bare
 * `Infinity` or `-Infinity` that is the value of a setting (a request
 * rate, a concurrency, a limit of its own name) is read as the string `"inf"` (`"-inf"`), as vLLM
 * writes the same rate and as the findings know it. An infinite or NaN
 * measurement is no measurement: it still fails the file, with its line.
 */

/**
 * Keys whose unbounded value is a setting, not a failed measurement: exact
 * names only (`max_latency_ms` or `success_rate` at Infinity is a broken
 * measurement, and still fails the file).
 */
const UNBOUNDED_SETTING = /^(request_?rate|rate|target_?qps|qps|rps|max_?concurrency|concurrency|burstiness|max_?num_?seqs|max_?tokens|max_?batch_?size|timeout|time_?limit)$/i;

/**
 * `text` with each bare word of `words` (a whole word outside strings) that
 * `replace` gives a replacement for replaced, or undefined when none was.
 * Both readers below differ only in which words they take and where.
 */
function replaceBareWords(text: string, words: readonly string[], replace: (word: string, at: number) => string | undefined): string | undefined {
  const starts = new Set(words.map((w) => w.charCodeAt(0)));
  let out = '';
  let from = 0;
  let inString = false;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    if (!starts.has(c)) continue;
    const word = words.find((w) => text.startsWith(w, i));
    // A word counts only whole: `Infinityx` or `NaNa` is no value.
    if (!word || /[\w]/.test(text[i + word.length] ?? '')) continue;
    const replacement = replace(word, i);
    if (replacement === undefined) continue;
    out += text.slice(from, i) + replacement;
    i += word.length - 1;
    from = i + 1;
    changed = true;
  }
  return changed ? out + text.slice(from) : undefined;
}

/** `text` with unbounded settings written `Infinity` replaced, or undefined when it holds none. */
export function withoutPythonFloats(text: string): string | undefined {
  if (!text.includes('Infinity')) return undefined;
  return replaceBareWords(text, ['-Infinity', 'Infinity'], (word, at) => {
    const key = keyBefore(text, at);
    return key !== undefined && UNBOUNDED_SETTING.test(key) ? (word.startsWith('-') ? '"-inf"' : '"inf"') : undefined;
  });
}

/** The object key a value at `at` belongs to (`"request_rate": ` before it), or undefined when it is no key's value. */
function keyBefore(text: string, at: number): string | undefined {
  let j = at - 1;
  while (j >= 0 && /\s/.test(text[j] as string)) j--;
  if (text[j] !== ':') return undefined;
  j--;
  while (j >= 0 && /\s/.test(text[j] as string)) j--;
  if (text[j] !== '"') return undefined;
  const end = j;
  // Keys of settings are short: look back a little for the opening quote.
  const start = text.lastIndexOf('"', end - 1);
  if (start < 0 || end - start > 80) return undefined;
  return text.slice(start + 1, end);
}

/** JSON.parse, then, when it refuses the text, the same text with unbounded settings read as above. */
export function parseJsonAllowingPython(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const fixed = withoutPythonFloats(text);
    if (fixed === undefined) throw error;
    return JSON.parse(fixed) as unknown;
  }
}

const NON_FINITE: readonly string[] = ['-Infinity', 'Infinity', 'NaN'];

/**
 * `text` with every bare `NaN`, `Infinity` and `-Infinity` value written as a
 * string (`"NaN"`), or undefined when it holds none. Google Benchmark's JSON
 * writer prints a non-finite double that way (the cv of a counter that is 0
 * in every repetition is 0/0), as Python's `json.dumps` does: JSON.parse
 * refuses the whole file over one such value. As strings they are no
 * numbers to any reader, which can say which value it left out.
 */
export function quoteNonFinite(text: string): string | undefined {
  if (!text.includes('NaN') && !text.includes('Infinity')) return undefined;
  return replaceBareWords(text, NON_FINITE, (word, at) => {
    // Only where a value stands: after a key, or in a list.
    let j = at - 1;
    while (j >= 0 && /\s/.test(text[j] as string)) j--;
    return text[j] === ':' || text[j] === '[' || text[j] === ',' ? `"${word}"` : undefined;
  });
}
