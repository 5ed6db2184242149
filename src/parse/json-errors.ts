/**
 * Explains why JSON.parse refused a document, with a line and column. V8's
 * own messages differ between Node versions and sometimes carry no position,
 * so this scanner walks the JSON grammar itself and stops at the first token
 * that breaks it. It only runs after JSON.parse has failed. Lines and columns
 * are 1-based; a column counts characters (a character outside the BMP is one
 * column).
 */
export interface JsonErrorLocation {
  line: number;
  column: number;
  reason: string;
}

/** What the grammar allows next. */
type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

interface Frame {
  open: '{' | '[';
  line: number;
  column: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NUMBER_LIKE = /[-+0-9.eE]+/y;
const NOT_A_NUMBER = /[-+]?(?:infinity|inf|nan)(?![A-Za-z0-9_$])/iy;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;

function stickyMatch(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

function describeChar(ch: string): string {
  return /^[\x21-\x7e]$/.test(ch) ? `'${ch}'` : `character U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function locateJsonError(text: string): JsonErrorLocation {
  let line = 1;
  let column = 1;
  let i = 0;
  const at = (reason: string): JsonErrorLocation => ({ line, column, reason });
  const advance = (count: number) => {
    for (let k = 0; k < count && i < text.length; k++, i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        line += 1;
        column = 1;
      } else if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
        column += 1;
      }
    }
  };
  const skipSpace = () => {
    while (i < text.length) {
      const ch = text[i];
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') break;
      advance(1);
    }
  };

  /** Consumes a string starting at `"`; a location when it is broken. */
  const scanString = (): JsonErrorLocation | undefined => {
    const start = { line, column };
    advance(1);
    while (i < text.length) {
      const ch = text[i] as string;
      const code = text.charCodeAt(i);
      if (ch === '"') {
        advance(1);
        return undefined;
      }
      if (ch === '\\') {
        const escaped = text[i + 1];
        if (escaped === undefined) break;
        if ('"\\/bfnrt'.includes(escaped)) {
          advance(2);
        } else if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return at('invalid \\u escape in a string (it needs four hex digits)');
          advance(6);
        } else {
          return at(`invalid escape '\\' followed by ${describeChar(escaped)} in a string`);
        }
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        return { ...start, reason: 'unterminated string: the string that starts here is not closed before the end of the line' };
      }
      if (code < 0x20) return at(`${describeChar(ch)} inside a string must be escaped`);
      advance(1);
    }
    return { ...start, reason: 'unterminated string: the file ends inside the string that starts here' };
  };

  // A JSONL line is one line: name columns only, so "line 1" is not mistaken for a line of the file.
  const singleLine = !text.includes('\n');
  const where = (f: Frame) => (singleLine ? `column ${f.column}` : `line ${f.line}, column ${f.column}`);
  const stack: Frame[] = [];
  let expect: Expect = 'value';
  let lastComma = { line, column };
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');

  while (true) {
    skipSpace();
    const top = stack[stack.length - 1];
    if (i >= text.length) {
      if (top) {
        const unit = singleLine ? 'line' : 'document';
        return at(`the ${unit} ends before the '${top.open}' opened at ${where(top)} is closed (truncated ${singleLine ? 'line' : 'file'}?)`);
      }
      if (expect === 'value') return at('no JSON value (the file is empty or only whitespace)');
      break;
    }
    const ch = text[i] as string;
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return at('comments are not allowed in JSON');
    if (expect === 'end') {
      return at('unexpected content after the end of the JSON value (trailing garbage, or several documents in one file)');
    }

    if (ch === '}' || ch === ']') {
      if (expect === 'comma-or-close' || (expect === 'key-or-close' && ch === '}') || (expect === 'value-or-close' && ch === ']')) {
        if (!top) return at(`unexpected ${describeChar(ch)}`);
        const wanted = top.open === '{' ? '}' : ']';
        if (ch !== wanted) {
          return at(`'${ch}' does not close the '${top.open}' opened at ${where(top)} (expected '${wanted}')`);
        }
        stack.pop();
        advance(1);
        expect = afterValue();
        continue;
      }
      if ((expect === 'key' || expect === 'value') && top && (top.open === '[' || expect === 'key')) {
        return { ...lastComma, reason: `trailing comma before '${ch}'` };
      }
      if (expect === 'value' && top?.open === '{') return at(`missing value after ':'`);
      return at(`unexpected ${describeChar(ch)}`);
    }

    if (expect === 'colon') {
      if (ch !== ':') return at(`missing ':' after the property name`);
      advance(1);
      expect = 'value';
      continue;
    }

    if (expect === 'comma-or-close') {
      if (ch === ',') {
        lastComma = { line, column };
        advance(1);
        expect = top?.open === '{' ? 'key' : 'value';
        continue;
      }
      if (/["\-0-9{[A-Za-z]/.test(ch)) {
        return at(`missing ',' before this ${top?.open === '{' ? 'property' : 'value'} (or a missing '${top?.open === '{' ? '}' : ']'}')`);
      }
      return at(`unexpected ${describeChar(ch)} (expected ',' or '${top?.open === '{' ? '}' : ']'}')`);
    }

    if (expect === 'key' || expect === 'key-or-close') {
      if (ch === '"') {
        const broken = scanString();
        if (broken) return broken;
        expect = 'colon';
        continue;
      }
      if (ch === "'" || /[A-Za-z_$]/.test(ch)) return at('property names must be in double quotes');
      return at(`unexpected ${describeChar(ch)} (expected a property name in double quotes)`);
    }

    // expect is 'value' or 'value-or-close'
    if (ch === '{' || ch === '[') {
      stack.push({ open: ch, line, column });
      advance(1);
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    if (ch === '"') {
      const broken = scanString();
      if (broken) return broken;
      expect = afterValue();
      continue;
    }
    const notANumber = stickyMatch(NOT_A_NUMBER, text, i);
    if (notANumber) return at(`${notANumber} is not valid JSON (write null, or a string, for a missing or infinite value)`);
    if (/[-+0-9.]/.test(ch)) {
      const number = stickyMatch(NUMBER, text, i);
      const token = stickyMatch(NUMBER_LIKE, text, i) ?? ch;
      if (number === undefined || number.length < token.length) return at(`'${token}' is not a valid JSON number`);
      advance(number.length);
      expect = afterValue();
      continue;
    }
    const word = stickyMatch(WORD, text, i);
    if (word !== undefined) {
      if (word === 'true' || word === 'false' || word === 'null') {
        advance(word.length);
        expect = afterValue();
        continue;
      }
      return at(`'${word}' is not a JSON value (text needs double quotes; the literals are true, false and null)`);
    }
    if (ch === "'") return at('strings must be in double quotes');
    if (ch === ',' || ch === ':') return at(expect === 'value' && top?.open === '{' ? `missing value after ':'` : `unexpected ${describeChar(ch)}`);
    return at(`unexpected ${describeChar(ch)}`);
  }
  return at('invalid JSON (a missing comma or colon, or a trailing comma)');
}
