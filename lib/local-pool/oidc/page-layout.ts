import { directionOf, message, type PoolLocale, type PoolMessageKey } from './i18n/locales';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/**
 * A message as HTML: its text escaped, its `{name}` placeholders replaced by `html` values the
 * caller built (and escaped) itself, e.g. `<code>` elements.
 */
export function messageHtml(locale: PoolLocale, key: PoolMessageKey, html: Record<string, string>): string {
  const marked = message(locale, key, Object.fromEntries(Object.keys(html).map((name) => [name, `\u0000${name}\u0000`])));
  return escapeHtml(marked).replace(/\u0000([a-zA-Z]+)\u0000/g, (_whole, name: string) => html[name]);
}

/** Code, file names and variables read left to right inside right-to-left text too. */
export const codeHtml = (text: string) => `<code dir="ltr">${escapeHtml(text)}</code>`;

/** The portal's mark (public/icon.svg), served by the pool itself: the page's CSP allows images from 'self' only. */
export const ICON_PATH = '/static/icon.svg';

// The portal's look (app/globals.css, components/layout): Tailwind's zinc greys and indigo accent,
// its system font stack, a header with the mark and the product name, rounded cards. Written as
// plain CSS with the same values, since the pool never imports the portal. System-driven light and
// dark, legible at any zoom and in forced-colours mode, and no script (the CSP allows none inline).
// Logical properties (inline/block) so a right-to-left page (Arabic) lays out the same way mirrored.
const STYLE = `
:root { color-scheme: light dark; --fg: #18181b; --muted: #52525b; --bg: #fafafa; --card: #fff; --border: #e4e4e7; --line: #71717a; --accent: #4338ca; --accent-hover: #3730a3; --accent-fg: #fff; --link: #4338ca; --focus: #4f46e5; --error-bg: #fef2f2; --error-fg: #991b1b; --error-line: #fecaca; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #f4f4f5; --muted: #a1a1aa; --bg: #09090b; --card: #18181b; --border: #27272a; --line: #a1a1aa; --accent: #818cf8; --accent-hover: #a5b4fc; --accent-fg: #09090b; --link: #a5b4fc; --focus: #818cf8; --error-bg: #450a0a; --error-fg: #fecaca; --error-line: #7f1d1d; }
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; background: var(--bg); color: var(--fg); font: 1rem/1.5 ui-sans-serif, system-ui, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"; -webkit-font-smoothing: antialiased; }
header { background: var(--card); border-block-end: 1px solid var(--border); }
.brand { max-width: 42rem; margin: 0 auto; padding: 1rem 1.5rem; display: flex; align-items: center; gap: 0.5rem; font-weight: 600; }
.brand img { flex: none; }
main { width: 100%; max-width: 26rem; margin: 2.5rem auto; padding: 0 1rem; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 0.75rem; padding: 1.5rem; }
footer { margin-block-start: auto; padding: 1rem 1.5rem; text-align: center; color: var(--muted); font-size: 0.875rem; }
h1 { font-size: 1.5rem; line-height: 2rem; font-weight: 700; letter-spacing: -0.025em; margin: 0 0 0.25rem; }
p { margin: 0 0 1rem; }
ul, ol { margin: 0 0 1rem; padding-inline-start: 1.5rem; }
li { margin-block-end: 0.25rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875em; overflow-wrap: anywhere; }
.lead { color: var(--muted); }
.alert { background: var(--error-bg); color: var(--error-fg); border: 1px solid var(--error-line); border-inline-start: 4px solid currentColor; padding: 0.75rem 1rem; border-radius: 0.375rem; font-weight: 600; }
label { display: block; font-weight: 500; margin: 1rem 0 0.25rem; }
.label-row { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; margin: 1rem 0 0.25rem; }
.label-row label { margin: 0; }
input { width: 100%; font: inherit; padding: 0.5rem 0.75rem; color: var(--fg); background: var(--card); border: 1px solid var(--line); border-radius: 0.375rem; }
input[aria-invalid="true"] { border-color: var(--error-fg); }
button { margin-block-start: 1.5rem; width: 100%; font: inherit; font-weight: 500; padding: 0.625rem 1.25rem; border: 0; border-radius: 0.375rem; background: var(--accent); color: var(--accent-fg); cursor: pointer; }
button:hover { background: var(--accent-hover); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
button.secondary { margin-block-start: 0; background: transparent; color: var(--fg); border: 1px solid var(--line); }
button.secondary:hover { background: var(--bg); }
button:disabled { cursor: not-allowed; opacity: 0.7; }
.divider { display: flex; align-items: center; gap: 0.75rem; margin: 1.25rem 0 1rem; color: var(--muted); }
.divider::before, .divider::after { content: ""; flex: 1; border-block-start: 1px solid var(--border); }
.hint { color: var(--muted); font-size: 0.875rem; margin: 0.5rem 0 0; }
a { color: var(--link); text-underline-offset: 4px; }
.small { font-size: 0.875rem; }
`;

/** A whole page: language and direction, title, the product's header, and one `<main>` holding `body` (already escaped HTML). */
export function renderPage(locale: PoolLocale, productName: string, title: string, body: string): string {
  const name = escapeHtml(productName);
  return `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<link rel="icon" href="${ICON_PATH}" type="image/svg+xml">
<title>${escapeHtml(title)} – ${name}</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="brand"><img src="${ICON_PATH}" alt="" width="24" height="24">${name}</div></header>
<main>
<div class="card">
${body}
</div>
</main>
<footer>${escapeHtml(message(locale, 'page.footer'))}</footer>
</body>
</html>
`;
}
