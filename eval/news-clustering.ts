/**
 * `npm run eval:news-clustering`: precision and recall of duplicate pairs (same story or same event)
 * on the hand-written clustering set (tests/fixtures/news-clustering/handwritten.ts), the tuning part
 * and the two held-out parts apart (the second, `feed30.ts`, shaped as a real feed of 30 articles with
 * 6 duplicates, where 5–7 reported duplicates is the target), plus how many non-incident texts (statistics, advisories) became
 * incidents. The articles go through the pipeline's own steps — classify, geocode, `matchArticle` —
 * oldest first, as the scheduled runs see them; the store is left out because it only persists the
 * outcome.
 */
import { getGeocoder } from '../reference/geocoder/index.ts';
import { classifyArticle } from '../etl/news/classify/index.ts';
import {
  contentVector,
  matchArticle,
  minhash,
  type CandidateArticle,
  type EventDescriptor,
} from '../etl/news/dedupe/index.ts';
import { namedEntities } from '../etl/news/dedupe/entities.ts';
import { eventDate } from '../etl/news/pipeline/incident.ts';
import { geocodingText } from '../etl/news/pipeline/process.ts';
import { HELD_OUT, TUNING, type ClusteringArticle } from '../tests/fixtures/news-clustering/handwritten.ts';
import { FEED_30 } from '../tests/fixtures/news-clustering/feed30.ts';
import { COLLOQUIAL_PAIRS } from '../tests/fixtures/news-clustering/colloquial-pairs.ts';

export interface ClusteringScore {
  articles: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  /** Articles that joined another article's cluster (the pipeline's `duplicates`), and how many the labels have. */
  duplicates: number;
  trueDuplicates: number;
  /** Texts labelled as not incidents (event null) that the pipeline made an incident of. */
  nonIncidentsAsIncidents: string[];
  /** Pairs reported but not true, and true but not reported ("a+b"). */
  falsePairs: string[];
  missedPairs: string[];
  /** Article id → id of the article whose cluster it joined (itself when it started one; null when not an incident). */
  clusters: Record<string, string | null>;
}

/** As the pipeline does: an unplaced incident report may join an event (by a shared entity) but never starts one. */
function describe(a: ClusteringArticle): {
  event: EventDescriptor | null;
  placed: boolean;
  candidate: CandidateArticle;
} {
  const text = `${a.title}\n${a.text}`;
  const classification = classifyArticle({ title: a.title, text: a.text, publishedAt: a.published });
  const g = getGeocoder().geocodeText(geocodingText(a.title, a.text));
  const placed = g.status === 'ok';
  const report = classification.kind === 'incident' && classification.primary !== null && g.status !== 'outside_cdmx';
  const event: EventDescriptor = {
    date: eventDate(classification, a.published, `${a.published}T12:00:00Z`),
    categories: classification.categories,
    place: { lat: g.lat, lon: g.lon, colonia_id: g.colonia_id, alcaldia_id: g.alcaldia_id, precision: g.precision },
    vector: contentVector(text),
    entities: namedEntities(text),
  };
  return {
    event: report ? event : null,
    placed,
    candidate: { signature: minhash(a.text), isIncident: report && placed, event },
  };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);

/** Runs the articles oldest first through the matcher and scores the pairs it puts together. */
export function scoreClustering(articles: readonly ClusteringArticle[]): ClusteringScore {
  const ordered = [...articles].sort((x, y) => x.published.localeCompare(y.published) || x.id.localeCompare(y.id));
  const candidates: CandidateArticle[] = [];
  const clusterOf: (string | null)[] = [];
  const clusters: Record<string, string | null> = {};
  const nonIncidentsAsIncidents: string[] = [];
  for (const a of ordered) {
    const { event, placed, candidate } = describe(a);
    const match = matchArticle(candidate.signature, event, candidates);
    // A copy joins whatever its original became; an unmatched, placed incident report starts a cluster.
    const cluster = match ? clusterOf[match.index]! : candidate.isIncident ? a.id : null;
    if (a.event === null && event && placed && !match) nonIncidentsAsIncidents.push(a.id);
    candidates.push(candidate);
    clusterOf.push(cluster);
    clusters[a.id] = cluster;
  }
  const truth = new Set<string>();
  const predicted = new Set<string>();
  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length; j++) {
      const [a, b] = [ordered[i]!, ordered[j]!];
      if (a.event !== null && a.event === b.event) truth.add(pairKey(a.id, b.id));
      if (clusterOf[i] !== null && clusterOf[i] === clusterOf[j]) predicted.add(pairKey(a.id, b.id));
    }
  }
  const correct = [...predicted].filter((p) => truth.has(p));
  const events = new Set(ordered.map((a) => a.event).filter((e) => e !== null));
  return {
    articles: articles.length,
    truePairs: truth.size,
    predictedPairs: predicted.size,
    correctPairs: correct.length,
    precision: predicted.size ? correct.length / predicted.size : 1,
    recall: truth.size ? correct.length / truth.size : 1,
    duplicates: ordered.filter((a, i) => clusterOf[i] !== null && clusterOf[i] !== a.id).length,
    trueDuplicates: ordered.filter((a) => a.event !== null).length - events.size,
    nonIncidentsAsIncidents,
    falsePairs: [...predicted].filter((p) => !truth.has(p)),
    missedPairs: [...truth].filter((p) => !predicted.has(p)),
    clusters,
  };
}

function main(): void {
  const rows: string[] = [
    '| set | articles | true pairs | reported | right | precision | recall | duplicates (labelled) | non-incidents made incidents |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const details: string[] = [];
  for (const [name, set] of [
    ['tuning (hand-written)', TUNING],
    ['held-out (hand-written)', HELD_OUT],
    ['feed of 30, 6 duplicates (hand-written, held out)', FEED_30],
    ['colloquial pairs (hand-written, held out, blind)', COLLOQUIAL_PAIRS],
  ] as const) {
    const s = scoreClustering(set);
    rows.push(
      `| ${name} | ${s.articles} | ${s.truePairs} | ${s.predictedPairs} | ${s.correctPairs} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.duplicates} (${s.trueDuplicates}) | ${s.nonIncidentsAsIncidents.length} |`,
    );
    details.push(
      `${name}: false pairs ${JSON.stringify(s.falsePairs)}; missed pairs ${JSON.stringify(s.missedPairs)}; non-incidents made incidents ${JSON.stringify(s.nonIncidentsAsIncidents)}`,
    );
  }
  console.log(rows.join('\n'));
  console.log(`\n${details.join('\n')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
