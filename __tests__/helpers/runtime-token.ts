/**
 * ACTIONS_RUNTIME_TOKEN for the fake results service. @actions/artifact only decodes the JWT
 * (with jwt-decode) to read the `Actions.Results:<run backend id>:<job backend id>` scope, so an
 * unsigned token carries everything the client needs.
 */
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function mintRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runBackendId}:${jobBackendId}`,
    iat: now,
    nbf: now,
    exp: now + 6 * 3600,
    iss: 'fake-github',
    aud: 'fake-results',
  };
  return `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url(claims)}.fake`;
}

/** The backend ids a runtime token grants, or null when it is not one of ours. */
export function readRuntimeToken(token: string): { runBackendId: string; jobBackendId: string } | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { scp?: string };
    for (const scope of (claims.scp ?? '').split(' ')) {
      const [kind, run, job] = scope.split(':');
      if (kind === 'Actions.Results' && run && job) return { runBackendId: run, jobBackendId: job };
    }
  } catch {
    return null;
  }
  return null;
}
