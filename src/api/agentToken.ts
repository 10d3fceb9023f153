/**
 * The access token of an agent started with `--token` (contract §4: every `/api/*` request
 * carries `Authorization: Bearer T`). It reaches the app as `#token=T` in the address that
 * `nsviz serve` prints, or typed into the live badge when the agent answers 401; it is kept
 * for this tab only (sessionStorage) and taken out of the address at once, so it never ends
 * up in a shared link, a bookmark or a screenshot of the address bar.
 */
const KEY = 'nsviz.agentToken';

let memory: string | undefined;

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // Storage disabled (privacy settings, sandboxed iframe): memory only.
  }
}

export function agentToken(): string | undefined {
  return storage()?.getItem(KEY) ?? memory;
}

export function setAgentToken(token: string | undefined): void {
  const value = token?.trim() || undefined;
  memory = value;
  const s = storage();
  if (!s) return;
  if (value === undefined) s.removeItem(KEY);
  else s.setItem(KEY, value);
}

/** The request headers that authenticate to the agent, if a token is known. */
export function authHeaders(): Record<string, string> {
  const token = agentToken();
  return token === undefined ? {} : { Authorization: `Bearer ${token}` };
}

/**
 * Moves `token=` from the hash into storage, leaving the rest of the hash as it was, without a
 * history entry. `hash` and `replace` are parameters so this is testable without a browser.
 * `withoutToken('#src=live&token=abc')` → `{ token: 'abc', hash: '#src=live' }`.
 */
export function withoutToken(hash: string): { token: string | undefined; hash: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token') ?? undefined;
  if (token === undefined) return { token, hash };
  params.delete('token');
  const rest = params.toString();
  return { token, hash: rest === '' ? '' : `#${rest}` };
}

/** Run once at start-up, before anything reads the hash. */
export function takeTokenFromAddress(): void {
  if (typeof location === 'undefined') return;
  const { token, hash } = withoutToken(location.hash);
  if (token === undefined) return;
  setAgentToken(token);
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
}
