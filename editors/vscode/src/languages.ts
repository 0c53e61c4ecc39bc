/**
 * Which documents the extension hands to scopels. The server picks a
 * document's format from its file name first and from the language id
 * only when the name says nothing (lsp/sync.go, formatFor), so documents
 * are selected both ways: by language id (also for untitled documents) and
 * by file name, for files whose language VS Code does not know without
 * another extension (TOML, Terraform, .env, ...). Tests keep these lists
 * in step with the server's.
 */

/** The language ids the server maps to a format. */
export const LANGUAGE_IDS = [
  'go',
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'vue', 'svelte',
  'python',
  'java', 'groovy', 'scala',
  'kotlin',
  'csharp',
  'ruby',
  'php',
  'rust',
  'swift',
  'yaml',
  'json', 'jsonc',
  'toml',
  'dotenv',
  'properties', 'ini', 'java-properties',
  'terraform', 'hcl',
  'xml',
  'shellscript', 'sh', 'bash', 'zsh',
  'markdown',
  'plaintext', 'html', 'dockerfile', 'makefile',
] as const;

/** The file extensions the server reads (analysis/extract FormatOf). */
export const FILE_EXTENSIONS = [
  'go',
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte',
  'py', 'pyi',
  'java', 'groovy', 'gradle', 'scala',
  'kt', 'kts',
  'cs',
  'rb', 'rake', 'gemspec',
  'php',
  'rs',
  'swift',
  'yaml', 'yml',
  'json', 'jsonc', 'json5',
  'toml',
  'properties', 'ini', 'cfg', 'conf',
  'tf', 'hcl', 'tfvars',
  'xml', 'plist', 'csproj', 'config', 'xaml',
  'sh', 'bash', 'zsh', 'envrc',
  'md', 'markdown', 'mdx',
  'txt', 'html', 'htm', 'http', 'rst', 'adoc',
] as const;

/** Whole file names the server reads, as they are usually spelled. */
export const FILE_NAMES = [
  '.env', '.env.*', '*.env', '.envrc',
  'Dockerfile', 'dockerfile', 'Makefile', 'makefile',
  'Gemfile', 'Rakefile', 'Podfile', 'Fastfile',
] as const;

/** The project file's name (project.FileName). */
export const PROJECT_FILE = '.scopels.yaml';

/** A document filter as vscode-languageclient takes it. */
export interface Filter {
  scheme: string;
  language?: string;
  pattern?: string;
}

/** The document selector for the language client. */
export function documentSelector(): Filter[] {
  const out: Filter[] = [];
  for (const language of LANGUAGE_IDS) {
    out.push({ scheme: 'file', language }, { scheme: 'untitled', language });
  }
  out.push({ scheme: 'file', pattern: `**/*.{${FILE_EXTENSIONS.join(',')}}` });
  out.push({ scheme: 'file', pattern: `**/{${FILE_NAMES.join(',')}}` });
  out.push({ scheme: 'file', pattern: `**/${PROJECT_FILE}` });
  return out;
}

/**
 * The activation events package.json must list: one per language id, and
 * a workspace that holds a project file.
 */
export function activationEvents(): string[] {
  return [...LANGUAGE_IDS.map((l) => `onLanguage:${l}`), `workspaceContains:**/${PROJECT_FILE}`];
}
