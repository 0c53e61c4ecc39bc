import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import { statusView } from '../src/status';

test('status bar item per server state', async (t) => {
  const cases = [
    { info: { state: 'starting' as const }, text: '$(sync~spin) scopels', error: false, has: ['scopels: starting'] },
    {
      info: { state: 'running' as const, binary: '/usr/bin/scopels', source: 'PATH', version: 'v0.3.0' },
      text: '$(check) scopels', error: false, has: ['scopels: running', 'version: v0.3.0', 'binary: /usr/bin/scopels (from PATH)'],
    },
    { info: { state: 'stopped' as const }, text: '$(circle-slash) scopels', error: false, has: ['scopels: stopped'] },
    { info: { state: 'failed' as const, detail: 'exit 2' }, text: '$(error) scopels', error: true, has: ['failed to start', 'exit 2'] },
    { info: { state: 'missing' as const, detail: 'not found' }, text: '$(error) scopels', error: true, has: ['binary not found', 'not found'] },
  ];
  for (const c of cases) {
    await t.test(c.info.state, () => {
      const v = statusView(c.info);
      assert.equal(v.text, c.text);
      assert.equal(v.error, c.error);
      for (const h of c.has) assert.ok(v.tooltip.includes(h), `${JSON.stringify(v.tooltip)} lacks ${h}`);
      assert.ok(v.tooltip.endsWith('Click to show the output.'));
    });
  }
});
