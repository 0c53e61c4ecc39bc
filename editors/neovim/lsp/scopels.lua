-- scopels for Neovim 0.11+'s vim.lsp.config / vim.lsp.enable. With this
-- folder on 'runtimepath':
--
--   vim.lsp.enable('scopels')
--   vim.lsp.config('scopels', { init_options = { severity = { ['broad-scope'] = 'off' } } })
--
-- (or require('scopels').setup(), which does both).
return require('scopels').lsp_config()
