/**
 * A small model of how GitHub reads our markdown, enough to tell whether text
 * from a manifest escaped its place: code spans (CommonMark rules), table rows
 * (cmark-gfm's cell splitting) and the HTML tags we write ourselves.
 */

/** The tags our renderers write; any other tag outside code came from a manifest. */
const OWN_TAGS = /^<\/?(details|summary|code|sub|br)( open)?>$/;

/**
 * The text outside code spans. A run of n backticks opens a span that the next
 * run of exactly n backticks closes; a backslash escapes the punctuation after
 * it (so `\`` is a literal backtick, not an opener).
 */
export function outsideCode(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    const c = markdown[i]!;
    if (c === '\\' && i + 1 < markdown.length && /[!-/:-@[-`{-~]/.test(markdown[i + 1]!)) {
      out += ' ';
      i += 2;
      continue;
    }
    if (c !== '`') {
      out += c;
      i++;
      continue;
    }
    let n = 0;
    while (markdown[i + n] === '`') n++;
    const closer = findRun(markdown, i + n, n);
    if (closer < 0) {
      out += ' '.repeat(n);
      i += n;
    } else {
      out += ' ';
      i = closer + n;
    }
  }
  return out;
}

function findRun(text: string, from: number, n: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let m = 0;
    while (text[i + m] === '`') m++;
    if (m === n) return i;
    i += m;
  }
  return -1;
}

/** Cells of a table row as cmark-gfm splits it: at every `|` not preceded by a backslash. */
export function cellsOf(row: string): number {
  let cells = 0;
  for (let i = 0; i < row.length; i++) if (row[i] === '|' && row[i - 1] !== '\\') cells++;
  return cells - 1;
}

/** Every table: its header's cell count, and each following row, up to the first line that is not a row. */
export function tablesOf(markdown: string): Array<{ header: string; rows: string[]; tail: string | undefined }> {
  const lines = markdown.split(/\r\n|\r|\n/);
  const tables: Array<{ header: string; rows: string[]; tail: string | undefined }> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|( :?-+:? \|)+$/.test(lines[i + 1]!)) continue;
    const rows: string[] = [];
    let j = i + 2;
    while (j < lines.length && lines[j]!.startsWith('|')) rows.push(lines[j++]!);
    tables.push({ header: lines[i]!, rows, tail: lines[j] });
    i = j;
  }
  return tables;
}

export interface Injection {
  kind: 'html' | 'comment' | 'mention' | 'link' | 'autolink' | 'www-autolink' | 'unbalanced-details';
  text: string;
}

/** Everything in the markdown that GitHub would turn into HTML, a notification or a link and that we did not write. */
export function injections(markdown: string): Injection[] {
  const text = outsideCode(markdown);
  const found: Injection[] = [];
  for (const m of text.matchAll(/<[A-Za-z/!?][^>\n]*>?/g)) {
    if (m[0].startsWith('<!--')) found.push({ kind: 'comment', text: m[0] });
    else if (!OWN_TAGS.test(m[0]) && !/^<[A-Za-z][A-Za-z0-9+.-]*:/.test(m[0])) found.push({ kind: 'html', text: m[0] });
  }
  for (const m of text.matchAll(/(^|[^\w\u200d`])@(?!\u200d)[A-Za-z0-9][\w-]*/g)) found.push({ kind: 'mention', text: m[0] });
  for (const m of text.matchAll(/\]\(|\]\[|[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*/g)) found.push({ kind: 'link', text: m[0] });
  for (const m of text.matchAll(/<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>/g)) found.push({ kind: 'autolink', text: m[0] });
  for (const m of text.matchAll(/(^|[\s*_~(])www\.[A-Za-z0-9-]+\.[A-Za-z0-9.-]*/gm)) found.push({ kind: 'www-autolink', text: m[0].trim() });
  // Our own <details> blocks must open and close in pairs, in order.
  let depth = 0;
  for (const m of text.matchAll(/<(\/?)details[ >]/g)) {
    depth += m[1] ? -1 : 1;
    if (depth < 0) found.push({ kind: 'unbalanced-details', text: m[0] });
  }
  if (depth !== 0) found.push({ kind: 'unbalanced-details', text: `depth ${depth} at the end` });
  return found;
}
