/**
 * Escaping for everything user-controlled that reaches markdown: benchmark names, file and
 * function names and commit subjects come from the PR, and a PR author must not be able to
 * inject links, images, HTML, mentions or table breaks into the comment a bot posts.
 */

// Backslash escapes work for every ASCII punctuation character in GFM; these are the ones that
// can start markup mid-line (emphasis, code, links, images, HTML, tables, strikethrough, entities).
const MARKDOWN_SPECIALS = /[\\`*_{}[\]<>|~&!#]/g;

/** Text shown as plain prose or inside a table cell. */
export function escapeMarkdown(text: string): string {
  return noMentions(oneLine(text).replace(MARKDOWN_SPECIALS, (c) => '\\' + c));
}

/**
 * GitHub turns `@name` into a mention (a notification) even after escaping, because it works on
 * the rendered text: a zero-width space after the `@` keeps the text and drops the mention.
 */
function noMentions(text: string): string {
  return noAutolinks(text.replace(/@/g, '@\u200b'));
}

/**
 * GFM also turns bare `http://…` and `www.…` into links with no markup at all; a zero-width space
 * inside the trigger keeps the text readable and unlinked.
 */
function noAutolinks(text: string): string {
  return text.replace(/:\/\//g, ':\u200b//').replace(/\b(www)\./gi, '$1\u200b.');
}

/**
 * Text shown as inline code. A code span cannot contain an escaped backtick, so backticks are
 * replaced by a look-alike; a pipe would still end a table cell, and GFM reads `\|` as a literal
 * pipe even inside a code span in a table.
 */
export function inlineCode(text: string): string {
  const safe = oneLine(text).replace(/`/g, 'ˋ').replace(/\|/g, '\\|');
  return '`' + safe + '`';
}

/** Text inside an HTML element such as <summary>: HTML-escaped, since markdown is not parsed there. */
export function escapeHtml(text: string): string {
  // Brackets too: should a renderer parse markdown inside the element after all, no link forms.
  return noMentions(oneLine(text).replace(/[&<>"'`|[\]]/g, (c) => `&#${c.charCodeAt(0)};`));
}

/** Newlines and control characters would break a table row or a heading. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
