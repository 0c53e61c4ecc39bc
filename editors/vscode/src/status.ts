/** What the status bar item shows about the server. */
export type ServerState = 'starting' | 'running' | 'stopped' | 'failed' | 'missing';

/** Facts about the server shown in the status bar item's tooltip. */
export interface StatusInfo {
  state: ServerState;
  /** The binary in use and where it was found, when one was found. */
  binary?: string;
  source?: string;
  /** The version the server reported in its initialize result. */
  version?: string;
  /** Why the server is not running. */
  detail?: string;
}

/** The text, tooltip and error flag of the status bar item. */
export interface StatusView {
  text: string;
  tooltip: string;
  error: boolean;
}

const ICONS: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  running: '$(check)',
  stopped: '$(circle-slash)',
  failed: '$(error)',
  missing: '$(error)',
};

const WORDS: Record<ServerState, string> = {
  starting: 'starting',
  running: 'running',
  stopped: 'stopped',
  failed: 'failed to start',
  missing: 'binary not found',
};

/** Renders the status bar item for a server state. */
export function statusView(info: StatusInfo): StatusView {
  const lines = [`scopels: ${WORDS[info.state]}`];
  if (info.version) lines.push(`version: ${info.version}`);
  if (info.binary) lines.push(`binary: ${info.binary}${info.source ? ` (from ${info.source})` : ''}`);
  if (info.detail) lines.push(info.detail);
  lines.push('Click to show the output.');
  return {
    text: `${ICONS[info.state]} scopels`,
    tooltip: lines.join('\n'),
    error: info.state === 'failed' || info.state === 'missing',
  };
}
