// Text from definition files and from the tenant, made safe for each place it is shown. Names, descriptions and
// justifications may hold control characters (an ANSI sequence that erases plan lines, a line break that starts a
// `::error` workflow command in a CI log), Markdown (a link or a remote image in a hover or a PR comment) or HTML.
// The data itself is never changed; only what a sink shows is escaped, with one function per sink.

/** C0 and C1 controls, DEL, and the bidirectional embedding/override/isolate marks ("trojan source"). */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x1b': '\\e', '\x00': '\\0' };

function visible(ch: string): string {
  if (NAMED[ch]) return NAMED[ch];
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value inside a line of output: every control character, line breaks included, shown as an escape. */
export function escapeControl(value: string): string {
  return value.replace(CONTROL, visible);
}

/** Text written to a terminal or a log as a whole: line breaks stay (the output's own lines), every other control
 *  character (ESC, BEL, CR, NUL, ...) is shown as an escape. Values inside a line use escapeControl. */
export function forTerminal(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, visible);
}

/** The message of a GitHub Actions workflow command (`::error file=…::message`): %, CR and LF escaped as the
 *  runner expects, other controls shown as escapes. */
export function forAnnotationMessage(value: string): string {
  return escapeControl(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property of a workflow command (`file=…`, `title=…`): also `:` and `,`, which end a property. */
export function forAnnotationProperty(value: string): string {
  return forAnnotationMessage(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Inline Markdown (hovers, PR comments): no link, image, emphasis, code span, HTML tag or table cell break can come
 *  out of the value (`(`, `!` and `#` need no escape once `[`, `]` are escaped and the value is not at a line start),
 *  and control characters are shown as escapes. */
export function forMarkdown(value: string): string {
  return escapeControl(value).replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** A Markdown code span holding any value: the fence is longer than any run of backticks inside (CommonMark), so the
 *  value cannot close it. */
export function markdownCode(value: string): string {
  const v = escapeControl(value);
  const fence = '`'.repeat(Math.max(0, ...(v.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = v.startsWith('`') || v.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${v}${pad}${fence}`;
}

/** HTML text or attribute content (webviews). */
export function forHtml(value: string): string {
  return escapeControl(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
