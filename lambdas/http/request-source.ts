import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The caller a request counts against: its IP address as API Gateway saw the connection (never a header the
 * caller could set). An IPv6 caller usually holds a whole /64, so that is what counts.
 */
export function sourceOf(event: APIGatewayProxyEventV2): string {
  const ip = event.requestContext?.http?.sourceIp ?? 'unknown';
  if (!ip.includes(':')) return ip;
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.slice(7);
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array(Math.max(0, missing)).fill('0'), ...right].map(
    (group) => group.toLowerCase().replace(/^0+(?=.)/, '') || '0',
  );
}
