/** The little logging this edge needs; the action passes @actions/core, the CLI a console logger. */
export interface GitHubLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export const silentLog: GitHubLog = { info() {}, warning() {}, debug() {} };

/**
 * Wraps a log so that no line can carry a secret, even one echoed back in an error message
 * from a server or a library (defence in depth: we never format the token ourselves).
 */
export function redactingLog(log: GitHubLog, secrets: string[]): GitHubLog {
  const real = secrets.filter((s) => s.length >= 4);
  const scrub = (message: string): string => {
    let out = message;
    for (const s of real) out = out.split(s).join('***');
    return out;
  };
  return {
    info: (m) => log.info(scrub(m)),
    warning: (m) => log.warning(scrub(m)),
    debug: (m) => log.debug(scrub(m)),
  };
}
