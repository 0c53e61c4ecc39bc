-- :ScopelsInfo prints which binary runs, its version, the clients and their
-- root folders, and where the LSP log is. Defined without setup() so that it
-- also helps users of vim.lsp.enable('scopels') alone.
if vim.g.loaded_scopels then return end
vim.g.loaded_scopels = true

require('scopels').define_commands()
