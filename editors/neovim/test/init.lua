-- The init file of the end-to-end test: the README's "plain runtimepath"
-- install, with one setting to show that settings reach the server.
vim.opt.rtp:append(os.getenv('SCOPELS_PLUGIN'))
require('scopels').setup({
  settings = { severity = { ['unknown-scope'] = 'warning' } },
})
