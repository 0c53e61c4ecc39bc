/**
 * A stand-in for the `vscode` module, enough for the modules under test:
 * configuration comes from `settings`, workspace folders from `folders`.
 * Tests set both before each case.
 */
export const settings: Record<string, unknown> = {};
export const folders: string[] = [];

/** Clears the settings and folders between tests. */
export function reset(values: Record<string, unknown> = {}, workspace: string[] = []): void {
  for (const k of Object.keys(settings)) delete settings[k];
  Object.assign(settings, values);
  folders.splice(0, folders.length, ...workspace);
}

export const workspace = {
  getConfiguration(section?: string) {
    const prefix = section ? section + '.' : '';
    return {
      get<T>(key: string, fallback?: T): T | undefined {
        const full = prefix + key;
        return (full in settings ? settings[full] : fallback) as T | undefined;
      },
    };
  },
  get workspaceFolders() {
    return folders.map((p, index) => ({ index, name: p, uri: { scheme: 'file', fsPath: p } }));
  },
};
