/**
 * The web pages' security headers, declared once: the local runtime sends them with every page and the
 * CloudFront response-headers policy sends the same policy in AWS. The pages load scripts and styles only
 * from their own origin (no inline script, no inline style, no eval), talk only to their own origin and the
 * API (and, in AWS, the staff sign-in), and may not be framed by anyone.
 * Imported by the local runtime too, so it must stay free of CDK imports.
 */

/** The Content-Security-Policy of the pages; `connectTo` adds the origins `fetch` may reach besides our own. */
export function contentSecurityPolicy(options: { connectTo?: readonly string[]; https?: boolean } = {}) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    ['connect-src', "'self'", ...(options.connectTo ?? [])].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** For everything that is not a page (JSON, scripts, styles): nothing may run or frame it. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** No referrer leaves the pages: portal URLs are nobody else's business. */
export const REFERRER_POLICY = 'no-referrer';

/** Headers every local response carries; pages add their Content-Security-Policy. */
export function localSecurityHeaders(isPage: boolean): Record<string, string> {
  return {
    'content-security-policy': isPage ? contentSecurityPolicy() : NON_PAGE_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': REFERRER_POLICY,
    'x-frame-options': 'DENY',
  };
}
