/**
 * Text from a pull request (hosts, names, paths, messages) is untrusted: it
 * must not break a table, open HTML, mention people or plant links.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/([\\`*_[\]~])/g, '\\$1')
    // A zero-width joiner after @ keeps `@team` from notifying anyone.
    .replace(/@/g, '@\u200d')
    // Bare URLs are autolinked by GitHub; breaking the scheme keeps them inert.
    .replace(/:\/\//g, ':&#47;&#47;')
    // So is `www.<domain>` after whitespace (GitHub's extended autolinks); an entity for the dot keeps it text.
    .replace(/\b(www)\./gi, '$1&#46;');
}

/** Inline code that no backtick run inside the value can close early. */
export function inlineCode(text: string): string {
  // GFM turns \| back into | inside table cells, code spans included.
  const clean = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestBacktickRun(clean) + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A fence longer than any backtick run in the body, for ```suggestion and ```diff blocks. */
export function codeFence(body: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
}

/** For text inside HTML tags (<summary>), where Markdown escapes would show literally. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/@/g, '@\u200d')
    .replace(/:\/\//g, ':&#47;&#47;');
}

/** The longest run of backticks, in one pass: a spread of every run into Math.max overflows the stack on hostile text. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) longest = Math.max(longest, ++run);
    else run = 0;
  }
  return longest;
}
