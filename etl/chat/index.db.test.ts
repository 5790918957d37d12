/**
 * The chat import over the hand-written example exports (tests/fixtures/chat, see its README).
 * Expected categories, dates and alcaldías were written by reading each message: e.g. "asaltar a
 * una señora … colonia Roma Norte … le robaron su bolsa" is a street robbery in Cuauhtémoc (09015).
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { approveReport, listReports, purgeExpiredText } from '../../db/queries/reports.ts';
import { getGeocoder } from '../../reference/geocoder/index.ts';
import { IncidentWriter } from '../../db/incidents/writer.ts';
import { reportIncident } from '../reports/index.ts';
import { runCommand } from '../../cli/index.ts';
import { importChat, importChatExport } from './index.ts';

const fixture = (name: string) => join(import.meta.dirname, '../../tests/fixtures/chat', name);
const NOW = new Date('2024-08-01T12:00:00Z');

describeEachBackend(
  'import-chat',
  (getStore) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chat-'));
    const chatRows = async () => (await listReports(getStore(), { limit: 500 })).filter((r) => r.origin === 'chat');

    it('a dry run counts what the import would queue and writes nothing', async () => {
      const before = await getStore().db.selectFrom('imports').select('id').execute();
      const preview = await importChat(getStore(), fixture('whatsapp-android.txt'), {
        dataDir,
        now: NOW,
        dryRun: true,
      });
      expect(preview).toMatchObject({
        dry_run: true,
        import_id: null,
        first_date: '2024-05-12',
        last_date: '2024-05-13',
        incidents: 2,
        queued: 2,
        already_queued: 0,
        placed: 2,
        unplaced: 0,
      });
      expect(preview.sample.map((s) => [s.category, s.date])).toEqual([
        ['robo_transeunte', '2024-05-12'],
        ['robo_vehiculo', '2024-05-12'],
      ]);
      expect(await chatRows()).toHaveLength(0);
      expect(await getStore().db.selectFrom('imports').select('id').execute()).toEqual(before);
    });

    it('refuses content with no chat message (not_a_chat_export) and records nothing', async () => {
      // hand-written: a CSV and a JSON object that is not a Telegram export
      for (const content of ['fecha,delito\n2024-05-12,robo\n', '{"name": "otra cosa"}'])
        await expect(importChatExport(getStore(), { name: 'x', content }, { dataDir, now: NOW })).rejects.toMatchObject(
          {
            code: 'not_a_chat_export',
          },
        );
      expect(await getStore().db.selectFrom('imports').select('id').where('source', '=', 'chat').execute()).toEqual([]);
    });

    it('queues the incident messages of a WhatsApp Android export, and counts the rest', async () => {
      const report = await importChat(getStore(), fixture('whatsapp-android.txt'), { dataDir, now: NOW });
      expect(report).toMatchObject({
        format: 'whatsapp-android',
        messages: 8,
        text_messages: 5,
        media: 1,
        system: 2,
        malformed: 2,
        malformed_reasons: { no_message_header: 1, invalid_date: 1 },
        incidents: 2,
        queued: 2,
        already_queued: 0,
        unplaced: 0,
      });
      const rows = await chatRows();
      expect(rows.map((r) => [r.category, r.occurred_on, r.alcaldia_id, r.status])).toEqual([
        ['robo_transeunte', '2024-05-12', '09015', 'pending'],
        ['robo_vehiculo', '2024-05-12', '09015', 'pending'], // "ayer en la noche", written on 13/05
      ]);
    });

    it('keeps no phone number and no sender name; senders become salted hashes', async () => {
      const rows = await chatRows();
      const stored = JSON.stringify(rows);
      for (const phone of ['1234 5678', '1234', '8765 4321', '8765']) expect(stored).not.toContain(phone);
      for (const name of ['Ana Torres', 'Doña Lupe', '+52']) expect(stored).not.toContain(name);
      // PGlite: the file in DATA_DIR (mode 0600); PostgreSQL: the row every process shares (db/secrets.ts)
      let salt: string;
      if (getStore().backend === 'pglite') {
        salt = readFileSync(join(dataDir, 'secrets/chat-salt'), 'utf8').trim();
        expect(statSync(join(dataDir, 'secrets/chat-salt')).mode & 0o777).toBe(0o600);
      } else {
        const row = await sql<{ value: string }>`select value from app_secrets where name = 'chat-salt'`.execute(
          getStore().db,
        );
        salt = row.rows[0]!.value;
      }
      const hash = (s: string) => createHmac('sha256', salt).update(s.trim().toLowerCase()).digest('hex').slice(0, 16);
      expect(rows.map((r) => r.sender_hash)).toEqual([hash('+52 55 1234 5678'), hash('Ana Torres')]);
      expect(rows[0]!.description_raw).toContain('llamen al [teléfono]');
      expect(rows[1]!.description_raw).toContain('Las placas eran ABC-123-D');
      expect(rows[1]!.description_redacted).toContain('Las placas eran [placa]');
    });

    it('queues a message once, however often the export is imported', async () => {
      const again = await importChat(getStore(), fixture('whatsapp-android.txt'), { dataDir, now: NOW });
      expect(again).toMatchObject({ incidents: 2, queued: 0, already_queued: 2 });
      expect(await chatRows()).toHaveLength(2);
      const preview = await importChat(getStore(), fixture('whatsapp-android.txt'), {
        dataDir,
        now: NOW,
        dryRun: true,
      });
      expect(preview).toMatchObject({ incidents: 2, queued: 0, already_queued: 2 });
      const imports = await getStore().db.selectFrom('imports').select('id').where('source', '=', 'chat').execute();
      expect(imports).toEqual([{ id: again.import_id }]);
    });

    it('reads the iOS and Telegram exports', async () => {
      const ios = await importChat(getStore(), fixture('whatsapp-ios.txt'), { dataDir, now: NOW });
      expect(ios).toMatchObject({
        format: 'whatsapp-ios',
        messages: 6,
        text_messages: 3,
        media: 1,
        system: 2,
        malformed: 0,
        incidents: 1,
        queued: 1,
      });
      const tg = await importChat(getStore(), fixture('telegram.json'), { dataDir, now: NOW });
      expect(tg).toMatchObject({
        format: 'telegram',
        messages: 5,
        text_messages: 3,
        media: 1,
        system: 1,
        malformed: 2,
        malformed_reasons: { invalid_date: 1, missing_text: 1 },
        incidents: 2,
        queued: 2,
      });
      const rows = (await chatRows()).slice(2);
      expect(rows.map((r) => [r.category, r.occurred_on, r.alcaldia_id])).toEqual([
        ['robo_repartidor', '2024-06-10', '09014'], // calle Pilares, colonia Del Valle (Benito Juárez)
        ['robo_casa_habitacion', '2024-06-30', '09003'], // "anoche", written 01/07; Santa Catarina, Coyoacán
        ['robo_transeunte', '2024-07-01', '09003'], // colonia Del Carmen, Coyoacán
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/9999|2222 3333|Mariana/);
    });

    it('approving a chat message creates an incident of source kind chat, placed where the text says', async () => {
      const [first] = await chatRows();
      const id = await approveReport(
        getStore(),
        first!.folio,
        'test',
        (r) => reportIncident({ ...r, category: r.category!, origin: r.origin }),
        new IncidentWriter(getGeocoder().reverse),
      );
      const inc = await getStore()
        .db.selectFrom('incidents')
        .selectAll()
        .where('id', '=', id as never)
        .executeTakeFirstOrThrow();
      expect(inc).toMatchObject({
        source_kind: 'chat',
        source: 'chat',
        source_record_id: first!.folio,
        category: 'robo_transeunte',
        alcaldia_2023: '09015',
        original_label: 'mensaje de chat vecinal',
      });
      expect(inc.h3_9).not.toBeNull();
    });

    it('forgets chat text after the retention period', async () => {
      expect(await purgeExpiredText(getStore(), new Date(NOW.getTime() + 89 * 86_400_000))).toBe(0);
      expect(await purgeExpiredText(getStore(), new Date(NOW.getTime() + 90 * 86_400_000))).toBe(5);
      const rows = await chatRows();
      expect(rows).toHaveLength(5);
      for (const r of rows) expect([r.description_raw, r.description_redacted]).toEqual([null, null]);
      // the rows stay, with their decisions (the first was approved above)
      expect(rows.map((r) => r.status)).toEqual(['approved', 'pending', 'pending', 'pending', 'pending']);
    });

    // last: the command imports with the real clock, whose purge would blank the texts above
    it('runs as `etl import-chat FILE`, printing the JSON report; a missing file is a usage error', async () => {
      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
      const saved = process.env.DATA_DIR;
      process.env.DATA_DIR = dataDir;
      try {
        expect(await runCommand(['import-chat', fixture('telegram.json')], { store: getStore(), io })).toBe(0);
        expect(JSON.parse(out.join(''))).toMatchObject({
          format: 'telegram',
          incidents: 2,
          queued: 0,
          already_queued: 2,
        });
        expect(await runCommand(['import-chat', fixture('nope.txt')], { store: getStore(), io })).toBe(2);
      } finally {
        if (saved === undefined) delete process.env.DATA_DIR;
        else process.env.DATA_DIR = saved;
      }
    });
  },
  { contents: 'empty' },
);
