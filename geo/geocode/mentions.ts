/**
 * Finds place mentions in Spanish news text, with UTF-16 spans (end exclusive). One pass over the words:
 * at each word the trigger patterns are tried in priority order ("Metro X", "estación X", "alcaldía X",
 * "colonia X", "calle(s) A y B", "avenida X", "esquina con X", "cerca de / frente a / a la altura de X"),
 * then bare names from the gazetteer (alcaldías, places outside the city, distinctive colonia names).
 * A street name consumes its words, so "avenida Álvaro Obregón" or "calle Iztapalapa" never counts as
 * the alcaldía.
 */
import {
  fold,
  splitWords,
  LANDMARK_START_WORDS,
  type ColoniaEntry,
  type Gazetteer,
  type LandmarkEntry,
  type OutsidePlace,
  type StationEntry,
  type StationSystem,
  type TextWords,
  type TrieMatch,
} from '../gazetteer/index.ts';
import { STATION_START_WORDS, stationMentionAt } from './station-mentions.ts';
import { lowercaseColoniaAt } from './colonia-names.ts';
import {
  STATION_TRIGGERS,
  ALCALDIA_TRIGGERS,
  TRIGGER_KINDS,
  STREET_PREFIX_WORDS,
  NAME_PART_TRIGGERS,
  NAME_CONNECTORS,
  STREET_JOINERS,
  CUADRANTE_RE,
  COLONIA_INDEX,
  STREET_INDEX,
  PLACE_INDEX,
  seqAt,
  capitalisedRun,
  intersectionAfter,
  nameAfter,
  span,
  sectionAfter,
  startWordsOf,
} from './mention-patterns.ts';

/** Words after which a lower-case alcaldía or outside place is taken as one ("en la gam", "por xochimilco"). */
const LOWERCASE_PLACE_CONTEXT = new Set(['en', 'por', 'la']);

/** A joiner in any case right after word j ("tlalpan y acoxpa"): the name is one of two crossing streets. */
const intersectionAfterWord = (tw: TextWords, j: number) =>
  !tw.breakBefore[j] && ['y', 'e', 'esquina', 'esq'].includes(tw.words[j]?.text ?? '') && j + 1 < tw.words.length;

export type MentionType = 'alcaldia' | 'colonia' | 'calle' | StationSystem | 'cuadrante' | 'sector' | 'lugar' | 'fuera';

export interface Mention {
  text: string;
  start: number;
  end: number;
  type: MentionType;
  resolved_id: string | null;
  /** Internal: introduced by a trigger word ("alcaldía", "colonia") rather than a bare name. */
  triggered: boolean;
  alcaldiaId?: string;
  colonias?: ColoniaEntry[];
  station?: StationEntry;
  /** Landmarks of the name (several when the name repeats across the city). */
  landmarks?: LandmarkEntry[];
  outside?: OutsidePlace;
  cuadrante?: { id: string; alcaldiaId: string; lat: number; lon: number };
}

/**
 * A landmark name at word i: capitalised, or lower case when it starts with a landmark word ("hospital la raza"
 * reads like "metro chabacano": the word says a place follows).
 */
function landmarkAt(gaz: Gazetteer, tw: TextWords, i: number): TrieMatch<LandmarkEntry> | null {
  const w = tw.words[i];
  if (!w || !(w.capitalised || LANDMARK_START_WORDS.has(w.text))) return null;
  return gaz.pointLandmarks.longestAt(tw, i);
}

export function findMentions(gaz: Gazetteer, text: string): Mention[] {
  const startWords = startWordsOf(gaz);
  const tw = splitWords(text, fold(text));
  const out: Mention[] = [];
  const n = tw.words.length;
  const near = (j: number, words: string[], radius = 6) => {
    for (let k = Math.max(0, j - radius); k < Math.min(n, j + radius); k++)
      if (words.includes(tw.words[k]!.text)) return true;
    return false;
  };
  const docSays = (w: string) => tw.folded.includes(w);

  let i = 0;
  while (i < n) {
    const word = tw.words[i]!.text;
    // Most words start no trigger and no name: one set lookup and on.
    if (!startWords.has(word)) {
      i++;
      continue;
    }

    // 1. Stations (station-mentions.ts): "Metro Pantitlán", "metro chabacano", "Mb Nuevo León", "rumbo a Universidad".
    if (STATION_START_WORDS.has(word)) {
      const found = stationMentionAt(gaz, tw, i, docSays);
      if (found) {
        if (found.mention)
          out.push({
            ...found.mention,
            type: found.mention.station.system,
            resolved_id: found.mention.station.resolvedId,
            triggered: true,
          });
        i = found.next;
        continue;
      }
    }

    // 2. "alcaldía X", "delegación X", "demarcación X".
    if (ALCALDIA_TRIGGERS.has(word)) {
      let j = i + 1;
      if (tw.words[j]?.text === 'de' && !tw.breakBefore[j]) j++;
      const m = j < n && !tw.breakBefore[j] ? gaz.alcaldiaNames.longestAt(tw, j) : null;
      if (m) {
        out.push({
          ...span(tw, j, m.to),
          type: 'alcaldia',
          resolved_id: m.values[0]!,
          triggered: true,
          alcaldiaId: m.values[0]!,
        });
        i = m.to;
        continue;
      }
    }

    // 3. "colonia X", "col. X", "barrio X", "unidad habitacional X", "colonias X y Y".
    const ct = seqAt(tw, i, COLONIA_INDEX);
    if (ct) {
      const triggerKind = TRIGGER_KINDS.get(word) ?? null;
      let j = i + ct;
      let matchedAny = false;
      while (j < n && !tw.breakBefore[j]) {
        const w = tw.words[j]!;
        const startOk = w.capitalised || (NAME_CONNECTORS.has(w.text) && tw.words[j + 1]?.capitalised);
        // Lower case after the trigger ("colonia narvarte"): the trigger decides, a full name or a close typo must follow.
        if (!startOk) {
          const lower = lowercaseColoniaAt(gaz, tw, j);
          if (!lower) break;
          out.push({
            ...span(tw, j, lower.to),
            type: 'colonia',
            resolved_id: lower.values.length === 1 ? lower.values[0]!.id : null,
            triggered: true,
            colonias: lower.values,
          });
          matchedAny = true;
          j = lower.to;
          break;
        }
        let m = gaz.coloniaNames.longestAt(tw, j);
        // "colonia Del Valle": IECM drops the leading preposition ("DEL VALLE I").
        if (!m && (w.text === 'del' || w.text === 'de') && tw.words[j + 1]?.capitalised) {
          const inner = gaz.coloniaNames.longestAt(tw, j + 1);
          if (inner) m = { from: j, to: inner.to, values: inner.values };
        }
        let cands: ColoniaEntry[] = m ? [...m.values] : [];
        let to = m ? m.to : j;
        const runEnd = capitalisedRun(tw, j);
        if (!m || to < runEnd) {
          // Not a full name: a colloquial prefix ("colonia Roma" for Roma Norte/Sur), if it is specific enough.
          const runWords = tw.words.slice(j, runEnd).map((x) => x.text);
          const pref = runWords.length ? gaz.coloniaNames.withPrefix(runWords, 12) : [];
          if (pref.length && pref.length <= 12 && runWords.some((x) => x.length > 3)) {
            cands = pref;
            to = runEnd;
            m = { from: j, to, values: pref };
          }
        }
        if (m) {
          // "unidad habitacional X" / "barrio X" / "pueblo X": prefer colonias of that kind when there is a choice.
          if (triggerKind && cands.length > 1) {
            const byKind = cands.filter((c) => c.parsed.kinds.includes(triggerKind));
            if (byKind.length) cands = byKind;
          }
          // "Moctezuma 2a. Sección": the gazetteer keeps "2a" in the name; take the word "Sección" into the span.
          if (tw.words[to]?.text.startsWith('secc') && !tw.breakBefore[to]) to++;
          const sec = sectionAfter(tw, to);
          if (sec) {
            const bySec = cands.filter((c) => c.parsed.section === sec.value);
            if (bySec.length) cands = bySec;
            to = sec.next;
          }
          out.push({
            ...span(tw, j, to),
            type: 'colonia',
            resolved_id: cands.length === 1 ? cands[0]!.id : null,
            triggered: true,
            colonias: cands,
          });
          matchedAny = true;
        } else if (runEnd > j) {
          out.push({ ...span(tw, j, runEnd), type: 'colonia', resolved_id: null, triggered: true, colonias: [] });
          to = runEnd;
          matchedAny = true;
        } else break;
        j = to;
        // "colonias Roma y Condesa"
        if (tw.words[j] && (tw.words[j]!.text === 'y' || tw.punctBefore[j] === ',') && word === 'colonias') {
          if (tw.words[j]!.text === 'y') j++;
          continue;
        }
        break;
      }
      if (matchedAny) {
        i = j;
        continue;
      }
    }

    // 4. Streets: "calle(s) A y B", "avenida X", "esquina con X", "cruce de A y B".
    const st = seqAt(tw, i, STREET_INDEX);
    if (st) {
      let j = NAME_PART_TRIGGERS.has(word) ? i : i + st;
      let consumed = false;
      for (;;) {
        while (
          j < n &&
          ['la', 'las', 'el', 'los', 'calle', 'calles', 'avenida', 'avenidas', 'av'].includes(tw.words[j]!.text) &&
          !tw.words[j]!.capitalised
        )
          j++;
        const from = j;
        const end = j === i ? Math.max(nameAfter(tw, j + 1), j + 1) : capitalisedRun(tw, j);
        if (end <= from || (tw.breakBefore[from] && from !== i)) break;
        // Trailing "de" etc. are never part of the captured name (capitalisedRun ends on a capitalised word).
        out.push({ ...span(tw, from, end), type: 'calle', resolved_id: null, triggered: true });
        consumed = true;
        j = end;
        if (j < n && STREET_JOINERS.has(tw.words[j]!.text) && !tw.breakBefore[j]) {
          j++;
          if (tw.words[j]?.text === 'con') j++;
          if (tw.words[j]?.text === 'esquina') j++;
          if (tw.words[j]?.text === 'con') j++;
          if (tw.words[j]?.text === 'el' || tw.words[j]?.text === 'la') j++;
          if (tw.words[j]?.capitalised) continue;
        }
        break;
      }
      if (consumed) {
        i = j;
        continue;
      }
    }

    // 5. Landmarks: "frente a X", "cerca de X", "a la altura de X" (words stay available to bare names).
    const pt = seqAt(tw, i, PLACE_INDEX);
    if (pt) {
      const j = i + pt;
      const lm = j < n && !tw.breakBefore[j] ? landmarkAt(gaz, tw, j) : null;
      if (lm) {
        out.push({
          ...span(tw, j, lm.to),
          type: 'lugar',
          resolved_id: lm.values.length === 1 ? lm.values[0]!.id : null,
          triggered: true,
          landmarks: [...lm.values],
        });
        i = lm.to;
        continue;
      }
      const end = j < n && !tw.breakBefore[j] ? capitalisedRun(tw, j) : j;
      if (end > j && !STATION_TRIGGERS.has(tw.words[j]!.text))
        out.push({ ...span(tw, j, end), type: 'lugar', resolved_id: null, triggered: true });
      i = j;
      continue;
    }

    // 6. "sector X" (police sector by name).
    if (word === 'sector' && tw.words[i + 1]?.capitalised) {
      const m = gaz.sectores.longestAt(tw, i + 1);
      if (m) {
        out.push({
          ...span(tw, i + 1, m.to),
          type: 'sector',
          resolved_id: m.values[0]!.id,
          triggered: true,
          alcaldiaId: m.values[0]!.alcaldiaId,
        });
        i = m.to;
        continue;
      }
    }

    // 7. Landmarks with a point ("Hospital La Raza", "estadio azteca").
    const pl = landmarkAt(gaz, tw, i);
    if (pl && !(pl.to - i === 1 && !tw.words[i]!.capitalised) && (gaz.landmarks.longestAt(tw, i)?.to ?? 0) < pl.to) {
      out.push({
        ...span(tw, i, pl.to),
        type: 'lugar',
        resolved_id: pl.values.length === 1 ? pl.values[0]!.id : null,
        triggered: false,
        landmarks: [...pl.values],
      });
      i = pl.to;
      continue;
    }

    const w = tw.words[i]!;
    // Lower case, only an alcaldía or a place outside the city, and only where a preposition introduces it
    // ("en la gam", "por xochimilco", "en ecatepec") or the text opens with it, never before a joiner
    // ("en tlalpan y acoxpa" is a corner): elsewhere such words are streets ("calzada de tlalpan").
    const lowerPlace =
      !w.capitalised && (i === 0 || LOWERCASE_PLACE_CONTEXT.has(tw.words[i - 1]!.text)) && !tw.breakBefore[i];
    if (w.capitalised || lowerPlace) {
      // 7a. Popular area names ("Centro Histórico", "Tepito").
      const lm = w.capitalised ? gaz.landmarks.longestAt(tw, i) : null;
      if (lm) {
        const group = lm.values[0]!;
        out.push({
          ...span(tw, i, lm.to),
          type: 'lugar',
          resolved_id: group.length === 1 ? group[0]!.id : null,
          triggered: true,
          colonias: group,
        });
        i = lm.to;
        continue;
      }
      // 7. Places outside the city.
      let om = gaz.outside.longestAt(tw, i);
      // 8. Bare alcaldía names.
      let am = gaz.alcaldiaNames.longestAt(tw, i);
      if (!w.capitalised) {
        // Only names that mean nothing else: lower-case "morelos" or "la paz" are as often a colonia or a phrase.
        if (om && (intersectionAfterWord(tw, om.to) || om.values[0]!.kind === 'cue' || om.values[0]!.ambiguous))
          om = null;
        if (am && intersectionAfterWord(tw, am.to)) am = null;
      }
      if (om && (!am || om.to > am.to)) {
        const place = om.values[0]!;
        const prev = tw.words[i - 1]?.text;
        const prev2 = tw.words[i - 2]?.text;
        const after = tw.folded.slice(tw.words[om.to - 1]!.end, tw.words[om.to - 1]!.end + 30);
        // "Mazatlán, Sinaloa" / "Toluca, Edomex": a place followed by a state names a place outside.
        const nextPlace = tw.punctBefore[om.to] === ',' ? gaz.outside.longestAt(tw, om.to) : null;
        const contextual =
          (prev === 'de' && (prev2 === 'municipio' || prev2 === 'estado' || prev2 === 'ciudad')) ||
          (place.kind !== 'estado' && (prev === 'en' || prev === 'municipio') && !intersectionAfter(tw, om.to)) ||
          (nextPlace?.values.some((p) => p.kind === 'estado') ?? false) ||
          // "La Paz, Méx., 31 de octubre.-": the press abbreviates Estado de México in datelines.
          /^,?\s*(estado de mexico|edomex|edo\.? ?mex|mex\.,)/.test(after) ||
          // A dateline: "Toluca, Estado de México, 20 de octubre.-"
          (i === 0 && (tw.punctBefore[om.to] ?? '').includes(','));
        if (place.kind === 'cue' || !place.ambiguous || contextual) {
          out.push({ ...span(tw, i, om.to), type: 'fuera', resolved_id: null, triggered: contextual, outside: place });
          i = om.to;
          continue;
        }
      }
      if (am) {
        const id = am.values[0]!;
        const matched = tw.words
          .slice(i, am.to)
          .map((x) => x.text)
          .join(' ');
        const prev = tw.words[i - 1]?.text ?? '';
        const personNamed = gaz.alcaldias.get(id)?.personNamed ?? false;
        if (STREET_PREFIX_WORDS.has(prev)) {
          out.push({ ...span(tw, i - 1, am.to), type: 'calle', resolved_id: null, triggered: false });
          i = am.to;
          continue;
        }
        // "colonia Del Valle, Benito Juárez": right after a colonia or street, a person-named alcaldía is the alcaldía.
        const last = out[out.length - 1];
        const afterPlace =
          tw.punctBefore[i] === ',' &&
          last !== undefined &&
          (last.type === 'colonia' || last.type === 'calle') &&
          last.end >= (tw.words[i - 1]?.end ?? 0);
        const acceptable =
          matched !== 'contreras' &&
          matched !== 'azcapo' &&
          (!personNamed || prev === 'en' || prev === 'la' || prev === 'y' || afterPlace);
        if (acceptable) {
          out.push({ ...span(tw, i, am.to), type: 'alcaldia', resolved_id: id, triggered: false, alcaldiaId: id });
          i = am.to;
          continue;
        }
      }
      // 9. Bare colonia names: only distinctive ones (two significant words, found in at most two alcaldías).
      const cm = w.capitalised ? gaz.coloniaNames.longestAt(tw, i) : null;
      if (cm) {
        const key = cm.values[0]!.parsed.core.join(' ');
        const sig = cm.values[0]!.tokens.length;
        const sameName = cm.values.every((c) => c.parsed.core.join(' ') === key);
        // A bare name that is also an alcaldía's name ("Benito Juárez") is a person more often than a colonia.
        const isAlcaldiaName = am !== null && am.to === cm.to;
        // "Insurgentes Sur y Río Mixcoac": a name crossing another is a street corner, not the colonia of that name.
        if (intersectionAfter(tw, cm.to)) {
          out.push({ ...span(tw, i, cm.to), type: 'calle', resolved_id: null, triggered: false });
          let k = cm.to + 1;
          if (tw.words[k]?.text === 'esquina' || tw.words[k]?.text === 'esq') k++;
          if (tw.words[k]?.text === 'con') k++;
          const end = capitalisedRun(tw, k);
          if (end > k) out.push({ ...span(tw, k, end), type: 'calle', resolved_id: null, triggered: false });
          i = Math.max(end, cm.to);
          continue;
        }
        if (
          sig >= 2 &&
          sameName &&
          !isAlcaldiaName &&
          (gaz.coreSpread.get(key) ?? 9) <= 2 &&
          !near(i, ['calle', 'avenida', 'av', 'metro'], 2)
        ) {
          out.push({
            ...span(tw, i, cm.to),
            type: 'colonia',
            resolved_id: cm.values.length === 1 ? cm.values[0]!.id : null,
            triggered: false,
            colonias: [...cm.values],
          });
          i = cm.to;
          continue;
        }
      }
    }
    i++;
  }

  // Cuadrante codes ("P-1.3.8") straight from the raw text.
  for (const m of text.matchAll(CUADRANTE_RE)) {
    const id = `${m[1]!.toUpperCase()}-${m[2]}.${m[3]}.${m[4]}`;
    const q = gaz.cuadrantes.get(id);
    if (q)
      out.push({
        text: m[0],
        start: m.index!,
        end: m.index! + m[0].length,
        type: 'cuadrante',
        resolved_id: q.id,
        triggered: true,
        alcaldiaId: q.alcaldiaId,
        cuadrante: q,
      });
  }
  return out.sort((a, b) => a.start - b.start);
}
