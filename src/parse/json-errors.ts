/**
 * Explains why JSON.parse refused a document, with a line and column. V8's
 * own messages differ between Node versions and sometimes carry no position,
 * so this scanner finds the first offending token itself. It only runs after
 * JSON.parse has failed.
 */
export interface JsonErrorLocation {
  line: number;
  column: number;
  reason: string;
}

export function locateJsonError(text: string): JsonErrorLocation {
  let line = 1;
  let column = 1;
  let i = 0;
  const at = (reason: string): JsonErrorLocation => ({ line, column, reason });
  const advance = (count: number) => {
    for (let k = 0; k < count && i < text.length; k++, i++) {
      if (text[i] === '\n') {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
    }
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] as string)) advance(1);
  };

  const depth: string[] = [];
  let sawValue = false;
  while (i < text.length) {
    skipSpace();
    if (i >= text.length) break;
    const ch = text[i] as string;
    if (depth.length === 0 && sawValue) {
      return at('unexpected content after the end of the JSON value (trailing garbage, or several documents in one file)');
    }
    if (ch === '"') {
      advance(1);
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\n') return at('a string runs past the end of the line (unterminated string)');
        advance(text[i] === '\\' ? 2 : 1);
      }
      if (i >= text.length) return at('unterminated string');
      advance(1);
      if (depth.length === 0) sawValue = true;
      continue;
    }
    const literal = /^(-?Infinity|NaN|-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 32));
    if (literal) {
      const token = literal[1] as string;
      if (/Infinity|NaN/.test(token)) {
        return at(`${token} is not valid JSON (write null, or a string, for a missing or infinite value)`);
      }
      advance(token.length);
      if (depth.length === 0) sawValue = true;
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth.push(ch);
      advance(1);
      continue;
    }
    if (ch === '}' || ch === ']') {
      const open = depth.pop();
      if ((ch === '}' && open !== '{') || (ch === ']' && open !== '[')) return at(`unexpected '${ch}'`);
      advance(1);
      if (depth.length === 0) sawValue = true;
      continue;
    }
    if (ch === ',' || ch === ':') {
      advance(1);
      continue;
    }
    const shown = /[\x20-\x7e]/.test(ch) ? `'${ch}'` : `character U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
    return at(`unexpected ${shown}`);
  }
  if (depth.length > 0) return at('the document ends before every { or [ is closed (truncated file?)');
  if (!sawValue) return at('no JSON value');
  return at('invalid JSON (a missing comma or colon, or a trailing comma)');
}
