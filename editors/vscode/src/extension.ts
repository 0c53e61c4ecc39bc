import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { discoverServer, Found } from './discovery';
import { documentSelector } from './languages';
import { logLevel, readServerSettings, RESTART_SETTINGS } from './settings';
import { StatusInfo, statusView } from './status';

const CMD_RESTART = 'scopels.restartServer';
const CMD_OUTPUT = 'scopels.showOutput';

/** One activation of the extension: the output, the status item and the client. */
class Session implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private binary: Found | undefined;
  private readonly output: vscode.LogOutputChannel;
  private readonly status: vscode.StatusBarItem;
  private starting: Promise<void> = Promise.resolve();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('scopels', { log: true });
    this.status = vscode.window.createStatusBarItem('scopels.status', vscode.StatusBarAlignment.Right, 100);
    this.status.name = 'scopels';
    this.status.command = CMD_OUTPUT;
    this.show({ state: 'stopped' });
    this.status.show();
  }

  /** Shows a server state in the status bar. */
  private show(info: StatusInfo): void {
    const view = statusView(info);
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  private info(state: StatusInfo['state'], detail?: string): StatusInfo {
    const version = this.client?.initializeResult?.serverInfo?.version;
    return { state, binary: this.binary?.path, source: this.binary?.source, version, detail };
  }

  /** Starts the server; failures are reported, never thrown. */
  start(): Promise<void> {
    this.starting = this.starting.then(() => this.doStart());
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const found = discoverServer(this.context.extensionPath);
    if (found.kind === 'missing') {
      this.binary = undefined;
      this.output.error(found.message);
      this.output.info(`Looked for: ${found.tried.join(', ') || '(nothing)'}`);
      this.show({ state: 'missing', detail: found.message });
      void this.notifyMissing(found.message);
      return;
    }
    this.binary = found;
    this.output.info(`Starting ${found.path} (found via ${found.source})`);

    const serverOptions: ServerOptions = {
      command: found.path,
      args: ['serve', '--log-level', logLevel()],
      options: { env: process.env },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      outputChannel: this.output,
      initializationOptions: () => readServerSettings(),
      middleware: {
        workspace: {
          // The server asks for the "scopels" section when told that the
          // settings changed without being sent them; answer in its shape.
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return params.items.map((item, i) => (item.section === 'scopels' ? readServerSettings() : result[i]));
          },
        },
      },
    };
    const client = new LanguageClient('scopels', 'scopels', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (this.client !== client) return;
      switch (e.newState) {
        case State.Starting:
          this.show(this.info('starting'));
          break;
        case State.Running:
          this.show(this.info('running'));
          break;
        case State.StartFailed:
          this.show(this.info('failed', 'See the output for the error.'));
          break;
        case State.Stopped:
          this.show(this.info('stopped'));
          break;
      }
    });
    this.show(this.info('starting'));
    try {
      await client.start();
      const v = client.initializeResult?.serverInfo?.version;
      this.output.info(`scopels ${v ?? ''} is running`.replace('  ', ' '));
      this.show(this.info('running'));
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      this.output.error(`scopels did not start: ${msg}`);
      this.show(this.info('failed', msg));
      const choice = await vscode.window.showErrorMessage(`scopels did not start: ${msg}`, 'Show output', 'Open settings');
      await this.handleChoice(choice);
    }
  }

  private async notifyMissing(message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, 'Open settings', 'Show output');
    await this.handleChoice(choice);
  }

  private async handleChoice(choice: string | undefined): Promise<void> {
    if (choice === 'Open settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'scopels.path');
    } else if (choice === 'Show output') {
      this.output.show(true);
    }
  }

  /** Stops the server, if one runs. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      if (client.isRunning()) await client.stop();
    } catch (err) {
      this.output.warn(`stopping scopels: ${err instanceof Error ? err.message : String(err)}`);
    }
    await client.dispose().catch(() => undefined);
    this.show(this.info('stopped'));
  }

  /** Stops the server and starts it again, finding the binary anew. */
  async restart(): Promise<void> {
    await this.starting;
    await this.stop();
    await this.start();
  }

  /** Sends changed settings to the running server. */
  async settingsChanged(): Promise<void> {
    const client = this.client;
    if (!client || !client.isRunning()) return;
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: readServerSettings() });
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    this.status.dispose();
    this.output.dispose();
  }
}

let session: Session | undefined;

/** Activates the extension: registers the commands and starts scopels. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const s = new Session(context);
  session = s;
  context.subscriptions.push(
    s,
    vscode.commands.registerCommand(CMD_RESTART, () => s.restart()),
    vscode.commands.registerCommand(CMD_OUTPUT, () => s.showOutput()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_SETTINGS.some((k) => e.affectsConfiguration(k))) {
        void s.restart();
      } else if (e.affectsConfiguration('scopels')) {
        void s.settingsChanged();
      }
    }),
  );
  await s.start();
}

/** Stops scopels when VS Code shuts the extension down. */
export async function deactivate(): Promise<void> {
  const s = session;
  session = undefined;
  await s?.stop();
}
