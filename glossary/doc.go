// Package glossary extracts consistent Chinese-English term pairs from
// aligned corpora, reads and writes glossary files (TSV, CSV, TBX, JSON) and
// merges fresh candidates into a curated glossary.
//
// # Extraction
//
// The corpus is a list of Beads (aligned pairs). Each bead is cut into
// units: sentence pairs when both sides have as many sentences, the beads
// of the Aligner otherwise (paragraph-aligned corpora), the whole bead
// without one.
//
// Candidates. Chinese candidates are runs of 1–6 segmenter tokens inside a
// chunk between punctuation (zhChunks); titles in 《》, short quotations and
// short bracketed groups are single tokens of their chunk and chunks of
// their own, so 《外汇基金条例》, “十三五”规划 and 联系汇率制度（联汇制度）
// survive; a year or a Chinese numeral may open a candidate (2016年…条例,
// 三股势力), function words and bare numbers may not start or end one, and
// clause words (是, 在, 将…) may not occur inside. English candidates are
// runs of 1–8 words not starting or ending with a function word; inside
// only of/and/for/with/the/a/on/in/or, commas in a coordination ("terrorism,
// separatism and extremism") and balanced brackets; no candidate starts or
// ends inside a capitalised name. English keys are norm.WordKeys (plural,
// case, UK/US), Chinese keys the folded text, so different cuts of one
// term count together.
//
// Counting, in two passes that both merge by addition (TermCounts.Merge,
// PairCounts.Merge), so shards of a corpus can be counted apart:
//  1. CountTerms: occurrences of every candidate. Vocabulary keeps those
//     seen MinFreq times and marks closed terms: a candidate that a
//     one-token-longer candidate holds in closedShare of its occurrences
//     ("Hong" in "Hong Kong", "stored value" in "stored value facilities")
//     is no term (from minClosedFreq occurrences; for Chinese also below it
//     when the longer one always extends it to the right, 三股 in 三股势力).
//  2. CountPairs: for every unit, every vocabulary pair co-occurring,
//     counted min(occurrences), with the share of occurrences consistent
//     with the unit's dictionary links (links: no English word of the pair
//     belongs to a Chinese word outside it — "Exchange Fund investment" is
//     not 外汇基金), first and last bead and dates.
//
// Tables are pruned of their rarest entries beyond MaxEntries, which
// bounds memory; below that size counts are exact and counting halves then
// merging gives exactly the whole-corpus glossary.
//
// Scoring. A pair's quality is
//
//	Dice × (zhFloor + (1−zhFloor)·zhCover) × (enFloor + (1−enFloor)·enCover) × (cleanFloor + (1−cleanFloor)·clean)
//
// where zhCover is the share of the Chinese term's meaning (best CC-CEDICT
// sense, or a learned word link) that the English renders, enCover the
// share of English content words a Chinese word explains, and clean the
// consistent share from pass 2. Learned word links are Dice-associated
// single words close to each other's best partner (nearBest). Competitive
// linking then gives each Chinese term its best English rendering that no
// better pair has claimed, extended to the maximal rendering when that is
// about as good (maximal); fragments of a longer pair that the dictionary
// does not support are dropped (dropFragments). The score that orders the
// glossary is quality × log2(1+pairs), times trivialPrior when CC-CEDICT
// already gives the pair (市场 ↔ market) and verbPrior for verb-led
// candidates. Ties: score, then zh, then en.
//
// # File formats
//
// TSV (OmegaT): a header line "# source<TAB>target<TAB>comment<TAB>status…"
// then one entry per line; the first three columns are OmegaT's, status is
// new, approved, rejected or forbidden, then variants ("en (3) | en2 (1)"),
// zh_freq, pair_freq, consistency, score, first_seen, last_seen, conflict,
// case_sensitive and two examples (doc, zh, en). Hand-made OmegaT files
// with two or three columns read as approved entries:
//
//	# source	target	comment	status
//	外汇基金	Exchange Fund	HKMA usage	approved
//
// CSV: UTF-8 with a byte order mark, the same columns, headed
// zh-CN,en-US,comment,status,… for memoQ and Trados. TBX: TBX-Basic (TBX
// v2, martif), one termEntry per entry, status as administrativeStatus
// (approved = preferredTerm, new = admittedTerm, forbidden = deprecatedTerm,
// rejected = supersededTerm) plus the exact status in a termNote of type
// x-bitextStatus, statistics as notes, examples as context descrips. JSON:
// an array of Entry objects.
package glossary
