-- Drives scopels from Neovim (0.7 or later), headless, through Neovim's own
-- LSP client: diagnostics after open and after an edit, completion, hover,
-- a quick fix applied and re-checked. Run by e2e_test.go:
--
--   SCOPELS_BIN=... SCOPELS_FILE=... nvim --headless -u NONE -c 'luafile nvim.lua'
--
-- Exits 0 on success; on failure prints "FAIL: ..." and exits 1.

local bin, file = os.getenv("SCOPELS_BIN"), os.getenv("SCOPELS_FILE")
local typo = "https://www.googleapis.com/auth/drive.readonyl"
local fixed = "https://www.googleapis.com/auth/drive.readonly"

local function say(msg) io.stdout:write(msg .. "\n") end
local function fail(msg)
  io.stdout:write("FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "scopels",
  cmd = { bin, "serve" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
})
if not id then fail("could not start scopels") end
vim.lsp.buf_attach_client(buf, id)

local function code_of(d)
  if d.code then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function scopels_diags(code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then table.insert(out, d) end
  end
  return out
end

-- Finds text in the buffer: 0-based line and byte column.
local function find(text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = line:find(text, 1, true)
    if s then return i - 1, s - 1, line end
  end
  fail("text not found: " .. text)
end

-- The LSP position (UTF-16) of a byte column on a line.
local function lsp_pos(lnum, bytecol, line)
  local _, col16 = vim.str_utfindex(line, bytecol)
  return { line = lnum, character = col16 }
end

local function request(method, params)
  local res, err = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not res then fail(method .. ": " .. tostring(err)) end
  local r = res[id]
  if not r then fail(method .. ": no answer") end
  if r.err then fail(method .. ": " .. vim.inspect(r.err)) end
  return r.result
end

-- 1. Diagnostics after open, at the right place despite the emoji and
-- CJK characters before the scope on its line.
if not vim.wait(15000, function() return #scopels_diags("unknown-scope") == 1 end, 20) then
  fail("no unknown-scope diagnostic after open: " .. vim.inspect(vim.diagnostic.get(buf)))
end
local d = scopels_diags("unknown-scope")[1]
local lnum, col, line = find(typo)
if d.lnum ~= lnum or d.col ~= col or d.end_col ~= col + #typo then
  fail(string.format("diagnostic at %d:%d-%d, want %d:%d-%d", d.lnum, d.col, d.end_col, lnum, col, col + #typo))
end
if d.source ~= "scopels" then fail("source " .. tostring(d.source)) end
say("ok diagnostics after open")

local doc = { uri = vim.uri_from_bufnr(buf) }

-- 2. Completion inside the misspelt scope.
local at = lsp_pos(lnum, col + #"https://www.googleapis.com/auth/drive.re", line)
local comp = request("textDocument/completion", { textDocument = doc, position = at })
local items = comp.items or comp
local found = nil
for _, it in ipairs(items) do
  if it.label == fixed then found = it end
end
if not found then fail("completion does not offer " .. fixed) end
local start = lsp_pos(lnum, col, line)
if not found.textEdit or found.textEdit.range.start.character ~= start.character then
  fail("completion edit does not replace the whole token: " .. vim.inspect(found.textEdit))
end
say("ok completion")

-- 3. Hover on the misspelt scope.
local hover = request("textDocument/hover", { textDocument = doc, position = at })
local value = hover and hover.contents and (hover.contents.value or hover.contents) or ""
if type(value) ~= "string" or not value:find("not a scope of", 1, true) or not value:find(fixed, 1, true) then
  fail("hover: " .. vim.inspect(hover))
end
say("ok hover")

-- 4. The preferred quick fix, applied by Neovim, then re-checked.
local lsp_diag = d.user_data and d.user_data.lsp or {}
local actions = request("textDocument/codeAction", {
  textDocument = doc,
  range = { start = start, ["end"] = lsp_pos(lnum, col + #typo, line) },
  context = { diagnostics = { lsp_diag } },
})
local preferred = nil
for _, a in ipairs(actions) do
  if a.isPreferred then preferred = a end
end
if not preferred or not preferred.edit then fail("no preferred quick fix: " .. vim.inspect(actions)) end
vim.lsp.util.apply_workspace_edit(preferred.edit, "utf-16")
if not vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1]:find(fixed, 1, true) then
  fail("the fix did not change the buffer")
end
if not vim.wait(15000, function() return #scopels_diags("unknown-scope") == 0 end, 20) then
  fail("the diagnostic stayed after the fix")
end
say("ok quick fix applied and re-checked")

-- 5. An edit that breaks it again brings the diagnostic back.
local l2, c2 = find(fixed)
vim.api.nvim_buf_set_text(buf, l2, c2 + #fixed - 2, l2, c2 + #fixed, { "yl" })
if not vim.wait(15000, function() return #scopels_diags("unknown-scope") == 1 end, 20) then
  fail("no diagnostic after an edit")
end
say("ok diagnostics after an edit")

vim.lsp.stop_client(id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
say("PASS")
vim.cmd("qall!")
