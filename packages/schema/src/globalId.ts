/** Relay global ids: base64url("<Type>:<id>"). Browser-safe (no Buffer). */
export const NODE_TYPES = ['User', 'ApiToken', 'Project', 'Member', 'Version'] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

function toBase64Url(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function toGlobalId(type: NodeTypeName, id: string): string {
  return toBase64Url(`${type}:${id}`);
}

/** The type and local id of a global id, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeTypeName; id: string } | null {
  const decoded = fromBase64Url(globalId);
  if (!decoded) return null;
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!(NODE_TYPES as readonly string[]).includes(type) || !id) return null;
  return { type: type as NodeTypeName, id };
}
