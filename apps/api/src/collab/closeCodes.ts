/**
 * The one registry of websocket close codes used by the collaboration server (`/collab/<projectId>`).
 * Web and API clients import it from here (apps/api/src/collab/closeCodes.ts has no dependencies so the web app can
 * import it directly or copy it into packages/schema later).
 *
 * Codes 4000-4999 are application codes (RFC 6455 §7.4.2). The last three digits follow HTTP where one fits.
 * `retry` says whether a client should reconnect after this close. It matches y-websocket 3.1's default
 * `shouldReconnect`: 4400-4499 are permanent (stop and show the reason), everything else is transient.
 */
export const CLOSE_CODES = {
  /** malformed protocol message (bad framing, unknown message type, truncated payload) */
  MALFORMED: { code: 4400, retry: false, reason: 'malformed message' },
  /** no valid session cookie or bearer token */
  UNAUTHORIZED: { code: 4401, retry: false, reason: 'unauthorized' },
  /** authenticated, but not a member of the project (or removed while connected) */
  FORBIDDEN: { code: 4403, retry: false, reason: 'forbidden' },
  /** no such project (bad id in the path) */
  NOT_FOUND: { code: 4404, retry: false, reason: 'project not found' },
  /** the client does not read fast enough (too much data queued for it) */
  SLOW_CONSUMER: { code: 4508, retry: true, reason: 'client too slow' },
  /** one message is larger than the server accepts */
  MESSAGE_TOO_BIG: { code: 4413, retry: false, reason: 'message too big' },
  /** too many invalid document updates from this connection */
  INVALID_UPDATES: { code: 4422, retry: false, reason: 'too many invalid updates' },
  /** the connection sent messages faster than the rate limit allows */
  RATE_LIMITED: { code: 4429, retry: false, reason: 'rate limited' },
  /** the server failed (e.g. the update log could not be written); reconnect to resync */
  INTERNAL: { code: 4500, retry: true, reason: 'internal error' },
  /** the document already has the maximum number of connections */
  TOO_MANY_CONNECTIONS: { code: 4503, retry: true, reason: 'too many connections' },
  /** the server is shutting down */
  GOING_AWAY: { code: 1001, retry: true, reason: 'server shutting down' },
} as const;

export type CloseCodeName = keyof typeof CLOSE_CODES;
export type CloseCodeNumber = (typeof CLOSE_CODES)[CloseCodeName]['code'];

const BY_NUMBER = new Map<number, CloseCodeName>(
  (Object.keys(CLOSE_CODES) as CloseCodeName[]).map((name) => [CLOSE_CODES[name].code, name]),
);

/** The registry entry for a close code received by a client, or undefined for codes not from this registry. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  return BY_NUMBER.get(code);
}

/** Whether a client should reconnect after a close with this code (unknown codes: yes, like a network drop). */
export function shouldReconnect(code: number): boolean {
  const name = BY_NUMBER.get(code);
  return name === undefined ? true : CLOSE_CODES[name].retry;
}
