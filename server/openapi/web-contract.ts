/**
 * The web client's types, generated from the OpenAPI document (`openApiDocument`) by
 * openapi-typescript into `web/src/api/contract.gen.ts`, so the browser code types the API's
 * answers from the one contract instead of copying interfaces by hand. `web/` still imports nothing
 * from `server/`: it reads the generated file. `npm run contract` rewrites it; a test fails when
 * the committed file differs from a fresh generation (an endpoint changed without regenerating).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './index.ts';

export const WEB_CONTRACT_FILE = fileURLToPath(new URL('../../web/src/api/contract.gen.ts', import.meta.url));

const HEADER = `/**
 * Generated from the API's OpenAPI document (server/openapi) by \`npm run contract\`. Do not edit:
 * change the endpoint's description in server/openapi and regenerate.
 */
/* eslint-disable */
`;

/** The TypeScript source of `contract.gen.ts` for the current OpenAPI document. */
export async function webContractSource(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = await webContractSource();
  writeFileSync(WEB_CONTRACT_FILE, source);
  console.log(`${WEB_CONTRACT_FILE}: ${source.split('\n').length} lines`);
}
