/**
 * Which proxies' X-Forwarded-For to believe. Behind a load balancer every request comes from the
 * balancer's address: without this, the per-address enrolment limit would put every tablet of a
 * province in one bucket. Directly on the network (the default) nothing is trusted, so a client
 * cannot pick its own address by sending the header.
 */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/** A hop count, an address or a CIDR range (IPv4 or IPv6): what fastify's proxy-addr accepts. */
const ADDRESS = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

/**
 * TRUST_PROXY: unset or `false` trusts nobody; `true` trusts every hop (only when the server is
 * reachable through the balancer alone); a number trusts that many hops; otherwise a comma list of
 * the balancers' addresses or ranges, e.g. `10.0.0.0/8,192.168.1.5`. Anything else stops the start.
 */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) {
    // The nearest `hops` proxies are believed, the client address is the one before them.
    const hops = Number(raw);
    return (_address, hop) => hop < hops;
  }
  const list = raw.split(',').map((part) => part.trim());
  const wrong = list.filter((part) => !ADDRESS.test(part));
  if (wrong.length > 0) {
    throw new Error(
      `TRUST_PROXY must be true, false, a number of hops, or a comma list of the load balancers' addresses or CIDR ranges; "${wrong.join('", "')}" is none of those`,
    );
  }
  return list;
}
