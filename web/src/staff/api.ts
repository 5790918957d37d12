/**
 * The staff endpoints (server/moderation, server/accounts, server/audit) over the browser session:
 * the `mc_session` cookie goes with every same-origin request, state changes carry the CSRF token
 * (api/http `sendJson`). Every action is the API's own audited route; nothing is decided here.
 */
import type { ApiAnswer } from '../api/contract.ts';
import { getJson, postFile, sendJson } from '../api/http.ts';

export type ReportStatus = 'pending' | 'approved' | 'merged' | 'rejected';

export interface ModerationReport {
  folio: string;
  /** `form` (the web form) or `chat` (an imported chat export) */
  origin: string;
  status: ReportStatus;
  category: string | null;
  date: string | null;
  hour: number | null;
  place: {
    lat: number | null;
    lon: number | null;
    precision: string | null;
    text: string | null;
    alcaldia_id: string | null;
    colonia_id: string | null;
  };
  description_redacted: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  incident_id: string | null;
}

export interface ModerationQueue {
  reports: ModerationReport[];
  counts: Record<ReportStatus, number>;
}

/** Where an approved report is counted (server/moderation/placement.ts). */
export type ApproveLocation =
  { lat: number; lon: number } | { area: { kind: 'alcaldia' | 'colonia'; id: string } } | null;

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: string;
  territory: string[];
  created_at: string;
  last_login_at: string | null;
  disabled_at: string | null;
}

export interface Invitation {
  url: string;
  token: string;
  expires_at: string;
  email: string;
  role: string;
  territory: string[];
}

export interface ApiToken {
  id: number;
  role: string;
  name: string;
  territory: string[];
  created_at: string;
  revoked_at: string | null;
}

export interface AuditItem {
  id: string;
  at: string;
  subject: string;
  role: string;
  name: string;
  kind: 'view' | 'export';
  method: string;
  path: string;
  query: string;
  status: number;
  area_ids: string[];
}

export interface AuditQuery {
  from?: string;
  to?: string;
  subject?: string;
  limit?: string;
  cursor?: string;
}

/** What a chat export holds (`dry_run`) or what its import queued (server/moderation/chat-imports). */
export type ChatImportResult = ApiAnswer<'/api/moderation/chat-imports', 'post'>;

/** The news incidents of a period, city-wide or of one alcaldía (moderador, admin). */
export type NewsReviewList = ApiAnswer<'/api/news/incidents'>;

const folioPath = (folio: string, action: string) => `/api/moderation/reports/${encodeURIComponent(folio)}/${action}`;
const newsPath = (id: string, action: string) => `/api/news/incidents/${encodeURIComponent(id)}/${action}`;

export const staffApi = {
  queue: (status: ReportStatus, signal?: AbortSignal) =>
    getJson<ModerationQueue>('/api/moderation/reports', { status, limit: '500' }, signal),
  approve: (folio: string, location: ApproveLocation) =>
    sendJson<{ folio: string; status: 'approved'; incident_id: string }>(
      'POST',
      folioPath(folio, 'approve'),
      location ?? undefined,
    ),
  merge: (folio: string, incidentId: string) =>
    sendJson<{ folio: string; status: 'merged' }>('POST', folioPath(folio, 'merge'), { incident_id: incidentId }),
  reject: (folio: string, reason: string) =>
    sendJson<{ folio: string; status: 'rejected' }>('POST', folioPath(folio, 'reject'), { reason }),
  users: () => getJson<{ items: StaffUser[] }>('/api/users'),
  invite: (email: string, role: string, territory: string[]) =>
    sendJson<Invitation>('POST', '/api/invitations', { email, role, ...(territory.length ? { territory } : {}) }),
  changeRole: (id: number, role: string, territory: string[]) =>
    sendJson<{ id: number; role: string; territory: string[] }>(
      'PATCH',
      `/api/users/${id}`,
      territory.length ? { role, territory } : { role },
    ),
  tokens: () => getJson<{ items: ApiToken[] }>('/api/tokens'),
  createToken: (role: string, name: string, territory: string[]) =>
    sendJson<{ id: number; token: string }>(
      'POST',
      '/api/tokens',
      territory.length ? { role, name, territory } : { role, name },
    ),
  revokeToken: (id: number) => sendJson<{ id: number; revoked: true }>('DELETE', `/api/tokens/${id}`, undefined),
  disableUser: (id: number) => sendJson<{ id: number; disabled: true }>('DELETE', `/api/users/${id}`, undefined),
  importChat: (file: File, dryRun: boolean) =>
    postFile<ChatImportResult>('/api/moderation/chat-imports', file, {
      dry_run: dryRun ? '1' : '0',
      file_name: file.name.slice(0, 200),
    }),
  newsIncidents: (range: { from: string; to: string }, alcaldia: string | null, signal?: AbortSignal) =>
    getJson<NewsReviewList>(
      '/api/news/incidents',
      { ...range, limit: '200', ...(alcaldia ? { kind: 'alcaldia', id: alcaldia } : {}) },
      signal,
    ),
  rejectNews: (id: string, reason: string) => sendJson<unknown>('POST', newsPath(id, 'reject'), { reason }),
  correctNews: (id: string, category: string) => sendJson<unknown>('POST', newsPath(id, 'correct'), { category }),
  detachNews: (id: string, articleId: string) =>
    sendJson<{ new_incident_id: string | null }>('POST', newsPath(id, 'detach'), { article_id: articleId }),
  mergeNews: (id: string, into: string) => sendJson<unknown>('POST', newsPath(id, 'merge'), { into }),
  audit: (query: AuditQuery) => getJson<{ items: AuditItem[]; next_cursor: string | null }>('/api/audit', { ...query }),
};
