import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { WEB_CONTRACT_FILE, webContractSource } from './web-contract.ts';

it('the committed web contract is what the OpenAPI document generates (run `npm run contract` after changing an endpoint)', async () => {
  expect(readFileSync(WEB_CONTRACT_FILE, 'utf8')).toBe(await webContractSource());
});
