import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may reach. Only public unicast addresses pass by default: a receiver on
 * this machine or the internal network (loopback, private, link-local, unique-local, cloud metadata,
 * unspecified, multicast, broadcast, reserved, IPv4 inside IPv6) is refused, unless the operator
 * lists it in WEBHOOK_ALLOWED_HOSTS (docs/configuration.md). Classification is ipaddr.js's, not ours.
 */
export interface WebhookAddressPolicy {
  /** Lower-cased host names allowed whatever they resolve to. */
  readonly hosts: ReadonlySet<string>;
  /** Address ranges allowed although not public. */
  readonly ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const STRICT_WEBHOOK_POLICY: WebhookAddressPolicy = { hosts: new Set(), ranges: [] };

/** `host-a.intranet, 10.20.0.0/16, 192.168.1.5, ::1` → policy. Throws on an entry that is neither. */
export function parseWebhookAllowList(value: string | undefined): WebhookAddressPolicy {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
    else if (isIP(entry)) {
      const addr = ipaddr.parse(entry);
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) hosts.add(entry);
    else throw new Error(`"${entry}" is neither a host name, an IP address nor a CIDR range`);
  }
  return { hosts, ranges };
}

/** The host of a URL without IPv6 brackets, lower-cased (WHATWG URL already normalised 127.1, 0x7f.1, 2130706433). */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

export function isAllowedHostName(host: string, policy: WebhookAddressPolicy): boolean {
  return policy.hosts.has(host.replace(/\.$/, ''));
}

/** Why an address may not be reached (its ipaddr.js range), or null when it may. */
export function forbiddenAddressReason(address: string, policy: WebhookAddressPolicy): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  let addr = ipaddr.parse(address);
  // ::ffff:127.0.0.1 reaches 127.0.0.1: judge (and allow-list) the IPv4 address it carries.
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (inAllowedRange(addr, policy)) return null;
  const kind = addr.range();
  // Everything but plain unicast is some special-purpose block (6to4, NAT64 and Teredo can carry an
  // internal IPv4 address, so they are refused too).
  return kind === 'unicast' ? null : kind;
}

function inAllowedRange(addr: ipaddr.IPv4 | ipaddr.IPv6, policy: WebhookAddressPolicy): boolean {
  return policy.ranges.some(([range, bits]) => range.kind() === addr.kind() && addr.match(range, bits));
}

/** The operator listed this host (by name, or as an address inside an allowed range). */
export function isExplicitlyAllowed(host: string, policy: WebhookAddressPolicy): boolean {
  if (isAllowedHostName(host, policy)) return true;
  if (!isIP(host)) return false;
  let addr = ipaddr.parse(host);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  return inAllowedRange(addr, policy);
}

/** A host name that names this machine without DNS (RFC 6761 `localhost` and its subdomains). */
export function isLocalhostName(host: string): boolean {
  const h = host.replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}

export class ForbiddenAddressError extends Error {
  constructor(readonly reason: string) {
    super(`webhook receiver address refused (${reason})`);
    this.name = 'ForbiddenAddressError';
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Every address the host resolves to, all checked: one forbidden address refuses the host (a name
 * answering both a public and an internal address must not pass by luck of the draw). The caller
 * connects to the returned address, never resolving again, so a rebinding name cannot switch to an
 * internal address between this check and the connection.
 */
export async function resolveWebhookHost(
  host: string,
  policy: WebhookAddressPolicy,
  lookup: (host: string) => Promise<ResolvedAddress[]> = defaultLookup,
): Promise<ResolvedAddress> {
  const hostAllowed = isAllowedHostName(host, policy);
  if (!hostAllowed && isLocalhostName(host)) throw new ForbiddenAddressError('loopback');
  const family = isIP(host);
  const addresses: ResolvedAddress[] = family ? [{ address: host, family: family as 4 | 6 }] : await lookup(host);
  if (addresses.length === 0) throw new ForbiddenAddressError('no_address');
  if (!hostAllowed) {
    for (const a of addresses) {
      const reason = forbiddenAddressReason(a.address, policy);
      if (reason) throw new ForbiddenAddressError(reason);
    }
  }
  return addresses[0]!;
}

async function defaultLookup(host: string): Promise<ResolvedAddress[]> {
  const rows = await dnsLookup(host, { all: true, verbatim: true });
  return rows.map((r) => ({ address: r.address, family: r.family === 6 ? 6 : 4 }));
}
