// Text put into HTML (the printable stamp page, the calendar's web page): the one escape.

/** `s` as HTML text or an attribute value in double or single quotes: & < > " ' escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
