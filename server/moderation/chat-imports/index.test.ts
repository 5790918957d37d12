/**
 * Uploading a chat export from the browser: POST /api/moderation/chat-imports.
 *
 * The exports are the hand-written examples of tests/fixtures/chat (see its README: no real chat
 * is used). Expected counts were written by reading `whatsapp-android.txt`: 8 messages from
 * 12/05/24 to 13/05/24; two report incidents (a street robbery at Medellín y Puebla, Roma Norte,
 * and a van stolen on calle Durango, Roma Norte), both placeable in Cuauhtémoc. The zips are built
 * here from that file (and hand-made filler bytes standing in for a photo).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { createToken } from '../../../db/queries/tokens.ts';
import { describeApi, withBearer } from '../../../tests/support/index.ts';
import { sessionAs } from '../../../tests/support/accounts.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/chat');
const ANDROID = readFileSync(join(FIXTURES, 'whatsapp-android.txt'));
/** hand-made stand-in for an exported photo (content irrelevant: it is never read) */
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const dataDir = mkdtempSync(join(tmpdir(), 'chat-upload-'));

describeApi(
  'POST /api/moderation/chat-imports',
  (ctx) => {
    const asModerator = async () =>
      withBearer(ctx().publicApp, await createToken(ctx().store, { role: 'moderador', name: 'mod' }));
    const upload = async (body: Uint8Array | string, query = '', headers: Record<string, string> = {}) => {
      const res = await (
        await asModerator()
      ).request(`/api/moderation/chat-imports${query}`, {
        method: 'POST',
        // a copy on its own ArrayBuffer: what fetch's body type accepts
        body: typeof body === 'string' ? body : new Uint8Array(body),
        headers,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const chatRows = () =>
      ctx().store.db.selectFrom('citizen_reports').select(['folio', 'category']).where('origin', '=', 'chat').execute();
    const chatImports = () => ctx().store.db.selectFrom('imports').select('id').where('source', '=', 'chat').execute();

    it('dry run: answers what would be queued and stores nothing', async () => {
      const { status, body } = await upload(ANDROID, '?dry_run=1&file_name=chat-vecinos.txt');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        dry_run: true,
        import_id: null,
        file: 'chat-vecinos.txt',
        format: 'whatsapp-android',
        first_date: '2024-05-12',
        last_date: '2024-05-13',
        messages: 8,
        incidents: 2,
        placed: 2,
        unplaced: 0,
        queued: 2,
        already_queued: 0,
      });
      expect(body.sample.map((s: any) => [s.category, s.alcaldia])).toEqual([
        ['robo_transeunte', 'Cuauhtémoc'],
        ['robo_vehiculo', 'Cuauhtémoc'],
      ]);
      // the sample shows no phone number (the first message names one)
      expect(JSON.stringify(body.sample)).not.toMatch(/8765|1234/);
      expect(await chatRows()).toEqual([]);
      expect(await chatImports()).toEqual([]);
    });

    it('imports: queues the incident messages and answers the import id; the same file again adds nothing', async () => {
      const first = await upload(ANDROID, '?file_name=chat-vecinos.txt');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ dry_run: false, queued: 2, already_queued: 0 });
      expect(first.body.import_id).toEqual(expect.any(Number));
      expect((await chatRows()).map((r) => r.category).sort()).toEqual(['robo_transeunte', 'robo_vehiculo']);

      const again = await upload(ANDROID, '?file_name=chat-vecinos.txt');
      expect(again.body).toMatchObject({ queued: 0, already_queued: 2, import_id: first.body.import_id });
      expect(await chatRows()).toHaveLength(2);
      expect(await chatImports()).toHaveLength(1);
      // and a preview now says so
      expect((await upload(ANDROID, '?dry_run=1')).body).toMatchObject({ queued: 0, already_queued: 2 });
    });

    it('reads the chat out of a WhatsApp .zip with media beside it', async () => {
      const zip = zipSync({ 'Chat de WhatsApp con Vecinos.txt': ANDROID, 'IMG-20240512-WA0001.jpg': PHOTO });
      const { status, body } = await upload(zip, '?dry_run=1&file_name=vecinos.zip');
      expect(status).toBe(200);
      expect(body).toMatchObject({ file: 'Chat de WhatsApp con Vecinos.txt', messages: 8, incidents: 2 });
    });

    it('reads a Telegram JSON export sent as application/json, and a zipped iOS export (_chat.txt)', async () => {
      // counts read from the hand-written telegram.json: 5 messages, two of them incident reports
      const telegram = await upload(readFileSync(join(FIXTURES, 'telegram.json')), '?dry_run=1', {
        'content-type': 'application/json',
      });
      expect(telegram.status).toBe(200);
      expect(telegram.body).toMatchObject({ format: 'telegram', messages: 5, incidents: 2 });
      // whatsapp-ios.txt: 6 messages, one incident report
      const ios = zipSync({ '_chat.txt': readFileSync(join(FIXTURES, 'whatsapp-ios.txt')) });
      const zipped = await upload(ios, '?dry_run=1', { 'content-type': 'application/zip' });
      expect(zipped.body).toMatchObject({ file: '_chat.txt', format: 'whatsapp-ios', messages: 6, incidents: 1 });
    });

    it('refuses callers who may not moderate, and a session write without the CSRF header', async () => {
      const anonymous = await ctx().publicApp.request('/api/moderation/chat-imports?dry_run=1', {
        method: 'POST',
        body: ANDROID,
      });
      expect([anonymous.status, ((await anonymous.json()) as any).error.code]).toEqual([
        401,
        'authentication_required',
      ]);

      const mesa = withBearer(ctx().publicApp, await createToken(ctx().store, { role: 'mesa', name: 'mesa' }));
      const refused = await mesa.request('/api/moderation/chat-imports?dry_run=1', { method: 'POST', body: ANDROID });
      expect([refused.status, ((await refused.json()) as any).error.code]).toEqual([403, 'forbidden']);

      const session = await sessionAs(ctx().publicApp, ctx().store, 'moderador');
      const noCsrf = await ctx().publicApp.request('/api/moderation/chat-imports?dry_run=1', {
        method: 'POST',
        body: ANDROID,
        headers: session.read,
      });
      expect([noCsrf.status, ((await noCsrf.json()) as any).error.code]).toEqual([403, 'csrf_failed']);
      const withCsrf = await ctx().publicApp.request('/api/moderation/chat-imports?dry_run=1', {
        method: 'POST',
        body: ANDROID,
        headers: session.write,
      });
      expect(withCsrf.status).toBe(200);
    });

    it('answers each bad upload with its catalogue code and stores nothing', async () => {
      const before = (await chatRows()).length;
      const cases: [string, Uint8Array | string, number, string][] = [
        ['empty body', '', 400, 'empty_file'],
        ['only blank lines', '\n\n  \n', 400, 'empty_file'],
        // hand-written: a spreadsheet export, not a chat
        ['a CSV', 'fecha,delito,colonia\n2024-05-12,robo,Roma Norte\n', 422, 'not_a_chat_export'],
        ['JSON that is not Telegram', '{"name": "otra cosa"}', 422, 'not_a_chat_export'],
        ['bytes that are not UTF-8', new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0x00]), 422, 'not_a_chat_export'],
        ['a zip with only a photo', zipSync({ 'IMG-0001.jpg': PHOTO }), 415, 'unsupported_archive'],
        ['a zip with two chats', zipSync({ 'a.txt': ANDROID, 'b.txt': ANDROID }), 415, 'unsupported_archive'],
        ['a damaged zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9]), 415, 'unsupported_archive'],
        ['a zip holding an empty chat', zipSync({ 'chat.txt': new Uint8Array(0) }), 400, 'empty_file'],
        // 21 MiB of text compresses to a few KB: the size declared in the zip is refused before inflating
        [
          'a zip whose chat is too large',
          zipSync({ 'chat.txt': strToU8('a'.repeat(21 * 1024 * 1024)) }),
          413,
          'payload_too_large',
        ],
        ['a body past the upload cap', new Uint8Array(33 * 1024 * 1024), 413, 'payload_too_large'],
      ];
      for (const [label, body, status, code] of cases) {
        const res = await upload(body);
        expect([label, res.status, res.body.error?.code], label).toEqual([label, status, code]);
      }
      const badQuery = await upload(ANDROID, '?dry_run=yes');
      expect([badQuery.status, badQuery.body.error.code]).toEqual([400, 'invalid_parameter']);
      expect(await chatRows()).toHaveLength(before);
    });
  },
  { seed: false, app: { chat: { dataDir } } },
);
