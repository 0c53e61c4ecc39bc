-- :checkhealth scopels. Neovim 0.10+ has vim.health.start/ok/warn/error;
-- 0.8 and 0.9 spell them vim.health.report_*; 0.7 has require('health').

local M = {}

local function reporter()
  local h = vim.health
  if h == nil or (h.start == nil and h.report_start == nil) then
    h = require('health')
  end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
    info = h.info or h.report_info,
  }
end

function M.check()
  local report = reporter()
  local scopels = require('scopels')

  report.start('scopels: Neovim')
  local v = vim.version()
  local version = string.format('%d.%d.%d', v.major, v.minor, v.patch)
  if vim.fn.has('nvim-0.7') == 1 then
    report.ok(string.format('Neovim %s, LSP API in use: %s', version, scopels.api()))
  else
    report.error(string.format('Neovim %s is too old: scopels needs 0.7 or later', version))
  end

  report.start('scopels: server binary')
  local info = scopels.info_lines()
  local exe = scopels.executable()
  if not exe then
    report.error('the scopels binary is not on PATH',
      { 'Install it: go install github.com/scopels/scopels/cmd/scopels@latest (and put $(go env GOPATH)/bin on PATH)',
        "or pass its full path: require('scopels').setup({ cmd = { '/path/to/scopels', 'serve' } })" })
  else
    local out, err = scopels.version(exe)
    if out then
      report.ok(string.format('%s: %s', exe, out))
    else
      report.error(string.format('%s does not run: %s', exe, tostring(err)))
    end
  end

  report.start('scopels: clients')
  if scopels.is_setup() then
    report.ok("require('scopels').setup() has been called")
  elseif scopels.api() == 'config' then
    report.info("setup() not called; vim.lsp.enable('scopels') starts scopels from lsp/scopels.lua")
  else
    report.warn("require('scopels').setup() has not been called: scopels will not start")
  end
  for _, l in ipairs(info) do
    if l:match('^client') or l:match('^log:') then
      report.info(l)
    end
  end
end

return M
