import { isIP } from 'node:net';

/** Where requests to an endpoint go, as the settings page and the run record show it. */
export interface Destination {
  /** The endpoint's host as written (without brackets for IPv6). */
  host: string;
  /** True only for addresses that cannot leave this machine: 127.0.0.0/8, ::1, localhost. */
  loopback: boolean;
  /** The indicator the user sees: document text would be sent to another machine. */
  leavesMachine: boolean;
  description: string;
}

/** A numeric address on the loopback interface (IPv4-mapped IPv6 included). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) {
    if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
    if (mapped?.[1] !== undefined) return mapped[1].startsWith('127.');
    // The URL parser writes ::ffff:127.0.0.1 in hex (::ffff:7f00:1): 127 is the high byte.
    const hex = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(bare);
    return hex?.[1] !== undefined && parseInt(hex[1], 16) >> 8 === 0x7f;
  }
  return false;
}

/**
 * "localhost" and "*.localhost" name this machine (RFC 6761); the transport still checks at
 * connect time that they resolve to loopback, so a hosts-file entry cannot send text elsewhere.
 * Anything else, 0.0.0.0 and private-network addresses included, is another machine: a LAN
 * server is still outside the laptop the data room is on.
 */
export function describeEndpoint(endpoint: string): Destination {
  let host: string;
  try {
    host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return { host: endpoint, loopback: false, leavesMachine: true, description: 'Not a valid URL: treated as another machine.' };
  }
  const loopback = isLoopbackAddress(host) || host === 'localhost' || host.endsWith('.localhost');
  return {
    host,
    loopback,
    leavesMachine: !loopback,
    description: loopback
      ? `${host} is this computer: document text stays on this machine.`
      : `${host} is another machine: document text will be sent over the network to it.`,
  };
}

/** The chat completions URL for a base URL, accepting the full URL as well. */
export function chatCompletionsUrl(endpoint: string): URL {
  return new URL(`${baseUrl(endpoint)}/chat/completions`);
}

export function modelsUrl(endpoint: string): URL {
  return new URL(`${baseUrl(endpoint)}/models`);
}

function baseUrl(endpoint: string): string {
  return endpoint.replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
}
