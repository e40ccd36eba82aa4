/**
 * What telemetry may carry: no e-mail addresses, no one-time tokens, no query strings.
 * Long path segments (conversation ids, user ids, download tokens) become `{id}`, which
 * also groups the requests of one route in Application Insights.
 */
const EMAIL = /[^\s/?#@:"'<>]+@[^\s/?#@"'<>]+\.[a-z]{2,}/gi;
const ORIGIN_AND_REST = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)?(.*)$/is;
const LONG_SEGMENT = /(?<=\/)[^/?#]{20,}(?=[/?#]|$)/g;
const QUERY = /\?[^#]*/;

export function redactText(text: string): string {
  return text.replace(EMAIL, '[E-Mail]');
}

/** For URLs, paths and span names: also strips the query and replaces long path segments. */
export function redactLocation(location: string): string {
  const [, origin = '', rest = ''] = ORIGIN_AND_REST.exec(redactText(location)) ?? [];
  return origin + rest.replace(QUERY, '').replace(LONG_SEGMENT, '{id}');
}

const LOCATION_ATTRIBUTE = /(^|\.)(url|target|path|route|full)$/;

/** Redacts every string attribute in place; URL-like attributes as locations. */
export function redactAttributes(attributes: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') continue;
    attributes[name] = LOCATION_ATTRIBUTE.test(name) ? redactLocation(value) : redactText(value);
  }
}
