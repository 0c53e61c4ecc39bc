-- End-to-end test of editors/neovim in a real, headless Neovim (0.7 or
-- later), run by run.sh after init.lua has called require('scopels').setup():
-- the plugin starts scopels for a Go file and for a .env file (one client
-- for the folder), diagnostics arrive with the severity set in setup(),
-- completion offers and inserts the right scope, the preferred quick fix is
-- applied through vim.lsp.buf.code_action, :ScopelsInfo and
-- :checkhealth scopels report the binary.
--
-- Prints "ok ..." per step and "PASS" at the end; on failure prints
-- "FAIL: ..." and exits 1.

local ws = os.getenv('SCOPELS_WS')
local bin = os.getenv('SCOPELS_BIN')
local typo = 'https://www.googleapis.com/auth/drive.readonyl'
local fixed = 'https://www.googleapis.com/auth/drive.readonly'
local timeout = 20000

local function say(msg) io.stdout:write(msg .. '\n') end
local function fail(msg)
  io.stdout:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end
local function check(cond, msg) if not cond then fail(msg) end end

local scopels = require('scopels')
local main -- the test, run under xpcall below

local function code_of(d)
  if d.code then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function diags(buf, code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then table.insert(out, d) end
  end
  return out
end

local function wait_for(what, cond)
  if not vim.wait(timeout, cond, 20) then fail('timed out waiting for ' .. what) end
end

-- Finds text in the buffer: 0-based line, byte column and the line.
local function find(buf, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = line:find(text, 1, true)
    if s then return i - 1, s - 1, line end
  end
  fail('text not found: ' .. text)
end

local function lsp_pos(lnum, bytecol, line)
  local _, col16 = vim.str_utfindex(line, bytecol)
  return { line = lnum, character = col16 }
end

local function buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
end

local function read(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

-- Applies the preferred quick fix at a position the way a user does:
-- cursor on the problem, vim.lsp.buf.code_action(), and the preferred
-- action picked from the menu (vim.ui.select, answered here). Neovim 0.7's
-- code_action takes no filter, so the menu is the one path for every
-- version.
local function quick_fix(buf, lnum, col)
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_win_set_cursor(0, { lnum + 1, col })
  local select = vim.ui.select
  local offered = 0
  vim.ui.select = function(items, opts, on_choice)
    vim.ui.select = select
    offered = #items
    for i, it in ipairs(items) do
      -- 0.7-0.9 pass {client_id, action}; 0.10+ pass {action = ..., ctx = ...}.
      local action = it.action or it[2]
      if action and action.isPreferred then return on_choice(it, i) end
    end
    fail('no preferred action among ' .. #items .. ': ' .. vim.inspect(items))
  end
  vim.lsp.buf.code_action()
  wait_for('the code action menu', function() return offered > 0 end)
end

main = function()
  -- 0. The plugin is on the runtimepath and set up.
  check(vim.fn.exists(':ScopelsInfo') == 2, ':ScopelsInfo is not defined (plugin/ not loaded)')
  say('ok plugin loaded, LSP API ' .. scopels.api())

  -- 1. A Go file: scopels starts, diagnostics arrive at the right place with
  -- the severity from setup().
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/app/main.go'))
  local go = vim.api.nvim_get_current_buf()
  check(vim.bo[go].filetype == 'go', 'filetype ' .. vim.bo[go].filetype)
  wait_for('unknown-scope in main.go', function() return #diags(go, 'unknown-scope') == 1 end)
  local d = diags(go, 'unknown-scope')[1]
  local lnum, col, line = find(go, typo)
  check(d.lnum == lnum and d.col == col and d.end_col == col + #typo,
    string.format('diagnostic at %d:%d-%d, want %d:%d-%d', d.lnum, d.col, d.end_col, lnum, col, col + #typo))
  check(d.severity == vim.diagnostic.severity.WARN, 'severity ' .. tostring(d.severity) .. ', want WARN from settings')
  check(d.source == 'scopels', 'source ' .. tostring(d.source))
  local clients = scopels.clients(go)
  check(#clients == 1, #clients .. ' scopels clients on main.go')
  local client = clients[1]
  check(client.config.root_dir == ws, 'root_dir ' .. tostring(client.config.root_dir) .. ', want ' .. ws)
  check(vim.bo[go].omnifunc == 'v:lua.vim.lsp.omnifunc', 'omnifunc ' .. vim.bo[go].omnifunc)
  say('ok diagnostics in main.go (WARN from settings, root ' .. ws .. ')')

  -- 2. Completion inside the misspelt scope offers the right one; its text
  -- edit replaces the whole scope (what a completion plugin applies).
  local at = lsp_pos(lnum, col + #'https://www.googleapis.com/auth/drive.re', line)
  local res = vim.lsp.buf_request_sync(go, 'textDocument/completion',
    { textDocument = { uri = vim.uri_from_bufnr(go) }, position = at }, timeout)
  check(res and res[client.id] and res[client.id].result, 'no completion answer')
  local result = res[client.id].result
  local item
  for _, it in ipairs(result.items or result) do
    if it.label == fixed then item = it end
  end
  check(item and item.textEdit, 'completion does not offer ' .. fixed)
  vim.lsp.util.apply_text_edits({ item.textEdit }, go, 'utf-16')
  local _, _, after = find(go, fixed)
  check(not after:find(typo, 1, true), 'completion left the typo: ' .. after)
  wait_for('the diagnostic to clear after completion', function() return #diags(go, 'unknown-scope') == 0 end)
  vim.cmd('silent undo')
  check(buffer_text(go) == read(ws .. '/app/main.go'), 'undo did not restore the file')
  wait_for('the diagnostic to come back after undo', function() return #diags(go, 'unknown-scope') == 1 end)
  say('ok completion')

  -- 3. The preferred quick fix, applied through vim.lsp.buf.code_action.
  quick_fix(go, lnum, col + 5)
  wait_for('the quick fix to change main.go', function() return buffer_text(go):find(fixed, 1, true) ~= nil end)
  local want = read(ws .. '/app/main.go'):gsub(typo:gsub('%p', '%%%0'), fixed)
  check(buffer_text(go) == want, 'buffer after the fix:\n' .. buffer_text(go))
  wait_for('the diagnostic to clear after the fix', function() return #diags(go, 'unknown-scope') == 0 end)
  say('ok quick fix in main.go')

  -- 4. A .env file, which Neovim 0.7 gives no filetype, in the same folder:
  -- attached through the file pattern, to the same client, and checked with
  -- the project file's custom provider.
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/app/.env.local'))
  local env = vim.api.nvim_get_current_buf()
  wait_for('unknown-scope in .env.local', function() return #diags(env, 'unknown-scope') == 1 end)
  check(#scopels.clients() == 1, #scopels.clients() .. ' scopels clients, want 1 for one root')
  local el, ec = find(env, 'api.write_ordrs')
  local ed = diags(env, 'unknown-scope')[1]
  check(ed.lnum == el and ed.col == ec, string.format('.env diagnostic at %d:%d, want %d:%d', ed.lnum, ed.col, el, ec))
  quick_fix(env, el, ec + 2)
  wait_for('the quick fix to change .env.local', function() return buffer_text(env):find('api.write_orders', 1, true) ~= nil end)
  check(buffer_text(env) == 'ACME_CLIENT_ID=abc123\nACME_SCOPES="api.read_profile api.write_orders"\n', 'buffer:\n' .. buffer_text(env))
  wait_for('the .env diagnostic to clear', function() return #diags(env, 'unknown-scope') == 0 end)
  say('ok .env.local through the file pattern, same client, custom provider fixed')

  -- 5. :ScopelsInfo names the binary and the client.
  local info = vim.fn.execute('ScopelsInfo')
  check(info:find('binary: ' .. bin, 1, true), ':ScopelsInfo does not name ' .. bin .. ':\n' .. info)
  check(info:find('client ' .. client.id .. ': root ' .. ws, 1, true), ':ScopelsInfo lacks the client:\n' .. info)
  say('ok :ScopelsInfo')

  -- 6. :checkhealth scopels finds the binary and runs it.
  vim.cmd('silent checkhealth scopels')
  local health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  check(health:find('OK', 1, true) and health:find(bin, 1, true), ':checkhealth scopels:\n' .. health)
  check(not health:find('ERROR', 1, true), ':checkhealth scopels reports an error:\n' .. health)
  say('ok :checkhealth scopels')

  -- 7. The client shuts down cleanly.
  vim.lsp.stop_client(client.id)
  wait_for('the client to stop', function() return vim.lsp.get_client_by_id(client.id) == nil end)
  say('PASS')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then fail(tostring(err)) end
vim.cmd('qall!')
