-- scopels for Neovim: starts `scopels serve` for the files scopels reads.
--
--   require('scopels').setup({
--     cmd = { 'scopels', 'serve' },          -- or { '/path/to/scopels', 'serve' }
--     settings = { severity = { ['broad-scope'] = 'off' } },
--   })
--
-- Works from Neovim 0.7 on. The API is picked by feature detection:
-- vim.lsp.config + vim.lsp.enable (0.11+), else vim.lsp.start (0.8+), else
-- vim.lsp.start_client + vim.lsp.buf_attach_client (0.7). Only standard LSP
-- is used: no client-side commands.

local M = {}

--- Filetypes (Neovim's names) of the files scopels reads.
M.filetypes = {
  'go',
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'vue', 'svelte',
  'python',
  'java', 'groovy', 'scala',
  'kotlin',
  'cs',
  'ruby',
  'php',
  'rust',
  'swift',
  'yaml',
  'json', 'jsonc', 'json5',
  'toml',
  'jproperties', 'dosini', 'cfg', 'conf',
  'terraform', 'terraform-vars', 'hcl', 'tf',
  'xml',
  'sh', 'bash', 'zsh',
  'markdown',
  'text', 'html', 'rst', 'asciidoc', 'dockerfile', 'make',
}

--- File name patterns scopels reads that Neovim may give no filetype (or one
--- not listed above), such as .env.local: these attach on BufReadPost and
--- BufNewFile.
M.file_patterns = {
  '.env', '.env.*', '*.env', '.envrc',
  '*.conf', '*.plist', '*.xaml', '*.config', '*.mts', '*.cts', '*.mdx', '*.http',
  'Podfile', 'Fastfile',
}

--- Root markers, in order of preference: the repository root first, so that
--- every .scopels.yaml from there down applies; a project file marks the
--- root of a tree that is not in git.
M.root_markers = { '.git', '.scopels.yaml' }

--- The settings the server reads (lsp/config.go).
local server_keys = { 'severity', 'disabled', 'maxFileSize', 'providers' }

local defaults = {
  cmd = { 'scopels', 'serve' },
  filetypes = M.filetypes,
  file_patterns = M.file_patterns,
  root_markers = M.root_markers,
  settings = {},
  on_attach = nil,
  capabilities = nil,
  autostart = true,
}

-- The options of the last setup() call (nil before it).
local state = { opts = nil, group = nil, warned = false }

local uv = vim.uv or vim.loop

--- Which LSP API this Neovim offers: 'config' (0.11+), 'start' (0.8+) or
--- 'start_client' (0.7).
function M.api()
  if type(vim.lsp.config) == 'table' and type(vim.lsp.enable) == 'function' then
    return 'config'
  end
  if type(vim.lsp.start) == 'function' then
    return 'start'
  end
  return 'start_client'
end

--- Builds the server's settings object from the plugin's `settings` option:
--- only the keys the server knows, and pullDiagnostics off, because the
--- server pushes diagnostics anyway and a client that also pulls would keep
--- two copies (Neovim 0.10+ stores pulled diagnostics apart).
function M.server_settings(settings)
  local out = { pullDiagnostics = false }
  settings = settings or {}
  for _, k in ipairs(server_keys) do
    if settings[k] ~= nil then out[k] = settings[k] end
  end
  return out
end

--- The client configuration shared by every API: the name, cmd, init_options
--- and settings (for workspace/configuration) and the callbacks.
function M.lsp_config(opts)
  opts = vim.tbl_deep_extend('force', {}, defaults, opts or {})
  local server = M.server_settings(opts.settings)
  return {
    name = 'scopels',
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    init_options = server,
    settings = { scopels = server },
    capabilities = opts.capabilities,
    on_attach = function(client, bufnr)
      -- Completion with <C-x><C-o> when nothing else provides it.
      if vim.bo[bufnr].omnifunc == '' then
        vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
      end
      if opts.on_attach then opts.on_attach(client, bufnr) end
    end,
  }
end

local function is_dir(p)
  local st = uv.fs_stat(p)
  return st ~= nil and st.type == 'directory'
end

local function exists(p)
  return uv.fs_stat(p) ~= nil
end

local function parent(dir)
  local p = vim.fn.fnamemodify(dir, ':h')
  if p == dir then return nil end
  return p
end

--- Finds the root folder of a file: for each marker in order, the nearest
--- folder above the file that holds it. Returns nil when no marker is found.
function M.find_root(path, markers)
  markers = markers or M.root_markers
  if path == nil or path == '' then return nil end
  local start = vim.fn.fnamemodify(path, ':p')
  if not is_dir(start) then start = vim.fn.fnamemodify(start, ':h') end
  for _, marker in ipairs(markers) do
    local dir = start
    while dir do
      if exists(dir .. '/' .. marker) then return dir end
      dir = parent(dir)
    end
  end
  return nil
end

--- The active scopels clients (all Neovim versions).
function M.clients(bufnr)
  local all
  if vim.lsp.get_clients then
    all = vim.lsp.get_clients({ name = 'scopels' })
  else
    all = vim.lsp.get_active_clients()
  end
  local out = {}
  for _, c in ipairs(all) do
    if c.name == 'scopels' and (bufnr == nil or vim.lsp.buf_is_attached(bufnr, c.id)) then
      table.insert(out, c)
    end
  end
  return out
end

-- Clients started through start_client (0.7), by root folder.
local by_root = {}

local function wanted(bufnr)
  return vim.api.nvim_buf_is_valid(bufnr) and vim.bo[bufnr].buftype == ''
end

--- Starts scopels for a buffer, or attaches the buffer to the client that
--- already serves its root folder.
function M.attach(bufnr, opts)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  opts = opts or state.opts or {}
  if not wanted(bufnr) or #M.clients(bufnr) > 0 then return end
  local cfg = M.lsp_config(opts)
  if vim.fn.executable(cfg.cmd[1]) ~= 1 then
    -- Say it once per session, not on every file opened.
    if not state.warned then
      state.warned = true
      vim.notify(string.format('scopels: %q is not executable; install scopels or set cmd in setup() (see :checkhealth scopels)',
        cfg.cmd[1]), vim.log.levels.WARN)
    end
    return
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  local root = M.find_root(name, cfg.root_markers)
  cfg.filetypes, cfg.root_markers = nil, nil

  -- Without a marker above it, a file is its folder's project: no project
  -- file lies above it anyway.
  root = root or vim.fn.fnamemodify(name, ':p:h')
  cfg.root_dir = root
  if M.api() ~= 'start_client' then
    vim.lsp.start(cfg, { bufnr = bufnr }) -- reuses the client of the same root
    return
  end

  -- Neovim 0.7: one client per root folder, kept here.
  cfg.workspace_folders = { { uri = vim.uri_from_fname(root), name = root } }
  local id = by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(cfg)
    if not id then
      vim.notify('scopels: could not start ' .. table.concat(cfg.cmd, ' '), vim.log.levels.ERROR)
      return
    end
    by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

local function has_filetype(opts, ft)
  for _, f in ipairs(opts.filetypes or M.filetypes) do
    if f == ft then return true end
  end
  return false
end

--- Sets scopels up. Call once from your config; every option is optional:
---
---   cmd           command that runs the server ({ 'scopels', 'serve' })
---   filetypes     filetypes to attach to (M.filetypes)
---   file_patterns file name patterns to attach to whatever their filetype
---   root_markers  files that mark the workspace folder ({ '.git', '.scopels.yaml' })
---   settings      server settings: severity, disabled, maxFileSize, providers
---   on_attach     function(client, bufnr) run when a buffer attaches
---   capabilities  client capabilities (e.g. from a completion plugin)
---   autostart     false to only define the configuration
function M.setup(opts)
  opts = vim.tbl_deep_extend('force', {}, defaults, opts or {})
  state.opts = opts
  -- Also defined by plugin/scopels.lua; defined here too for plugin managers
  -- that put editors/neovim on 'runtimepath' after startup.
  M.define_commands()

  if M.api() == 'config' then
    vim.lsp.config('scopels', M.lsp_config(opts))
    if opts.autostart then vim.lsp.enable('scopels') end
  end
  if not opts.autostart then return end

  state.group = vim.api.nvim_create_augroup('scopels', { clear = true })
  if M.api() ~= 'config' then
    vim.api.nvim_create_autocmd('FileType', {
      group = state.group,
      pattern = opts.filetypes,
      desc = 'scopels: start the language server',
      callback = function(args) M.attach(args.buf) end,
    })
  end
  if #opts.file_patterns > 0 then
    vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
      group = state.group,
      pattern = opts.file_patterns,
      desc = 'scopels: start the language server for files without a filetype',
      callback = function(args) M.attach(args.buf) end,
    })
  end

  -- Buffers opened before setup() ran (lazy loading).
  if M.api() ~= 'config' then
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and has_filetype(opts, vim.bo[b].filetype) then
        M.attach(b)
      end
    end
  end
end

--- Reports whether setup() has been called.
function M.is_setup()
  return state.opts ~= nil
end

--- The executable cmd[1] resolves to, or nil.
function M.executable(cmd)
  cmd = cmd or ((state.opts and state.opts.cmd) or defaults.cmd)
  local exe = vim.fn.exepath(cmd[1])
  if exe == '' then return nil end
  return exe
end

--- The output of `scopels version`, or nil and the error.
function M.version(exe)
  exe = exe or M.executable()
  if not exe then return nil, 'scopels binary not found' end
  local out = vim.fn.system({ exe, 'version' })
  if vim.v.shell_error ~= 0 then
    return nil, vim.trim(out)
  end
  return vim.trim(out)
end

--- What :ScopelsInfo prints.
function M.info_lines()
  local opts = state.opts or defaults
  local lines = {}
  local v = vim.version and vim.version() or nil
  table.insert(lines, string.format('Neovim %s; LSP API: %s; setup() called: %s',
    v and string.format('%d.%d.%d', v.major, v.minor, v.patch) or '?', M.api(), state.opts and 'yes' or 'no'))
  local exe = M.executable(opts.cmd)
  if exe then
    local ver, err = M.version(exe)
    table.insert(lines, string.format('binary: %s (%s)', exe, ver or ('scopels version failed: ' .. tostring(err))))
  else
    table.insert(lines, string.format('binary: %q not found on PATH; set cmd in setup() or install scopels', opts.cmd[1]))
  end
  table.insert(lines, 'cmd: ' .. table.concat(opts.cmd, ' '))
  local clients = M.clients()
  if #clients == 0 then
    table.insert(lines, 'clients: none running')
  end
  for _, c in ipairs(clients) do
    local bufs = {}
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.lsp.buf_is_attached(b, c.id) then table.insert(bufs, tostring(b)) end
    end
    local root = c.config.root_dir or (c.root_dir) or '(none: single files)'
    table.insert(lines, string.format('client %d: root %s; buffers %s', c.id, root, table.concat(bufs, ', ')))
  end
  local cur = vim.api.nvim_get_current_buf()
  table.insert(lines, string.format('current buffer: filetype %q, %s', vim.bo[cur].filetype,
    #M.clients(cur) > 0 and 'attached' or 'not attached'))
  table.insert(lines, 'log: ' .. vim.lsp.get_log_path() .. ' (the server\'s stderr goes there; vim.lsp.set_log_level("debug") adds every message)')
  return lines
end

--- Defines :ScopelsInfo.
function M.define_commands()
  vim.api.nvim_create_user_command('ScopelsInfo', function() M.info() end,
    { desc = 'scopels: binary, version, clients, log file', force = true })
end

--- Prints M.info_lines().
function M.info()
  for _, l in ipairs(M.info_lines()) do
    vim.api.nvim_echo({ { l .. '\n' } }, false, {})
  end
end

return M
