// Package glossary extracts consistent Chinese-English term pairs from
// aligned corpora, reads and writes glossary files (TSV, CSV, TBX, JSON) and
// merges fresh candidates into a curated glossary.
//
// # Extraction
//
// The corpus is a list of Beads (aligned pairs): ReadCorpus reads TMX, TSV
// and JSON Lines; AlignDocuments first aligns document pairs with package
// corpus/batch (directories with zh/ and en/, NAME.zh.EXT and NAME.en.EXT,
// manifests: see IsDocumentSource); ReadInputs takes either. Each bead is cut into
// units: sentence pairs when both sides have as many sentences, the beads
// of the Aligner otherwise (paragraph-aligned corpora), the whole bead
// without one.
//
// Candidates. Chinese candidates are runs of 1–6 segmenter tokens inside a
// chunk between punctuation (zhChunks); titles in 《》, short quotations and
// short bracketed groups are single tokens of their chunk and chunks of
// their own, so 《外汇基金条例》, “十三五”规划 and 联系汇率制度（联汇制度）
// survive; a quotation counts as the words it quotes (“一带一路” and
// 一带一路 are one key) and is no candidate alone; tokens the segmenter cut
// across a word boundary are split at a function character (利得/稅時 →
// 利得 稅 時, so 利得稅 is a candidate: refineTokens), and a run of
// tokens with lone characters (function characters aside) or words the
// dictionary lacks is cut anew into dictionary words, or the segmenter's
// own tokens, when that leaves fewer of them, keeping as many of the
// segmenter's tokens as it can (金融科/技監/管沙盒 → 金融
// 科技 監管 沙盒, 聯繫匯率制/度 → 聯繫 匯率 制度, 公司持/有 → 公司 持有:
// recut); a year or a Chinese
// numeral may open a candidate (2016年…条例,
// 三股势力), function words and bare numbers may not start or end one, and
// clause words (是, 在, 将…) may not occur inside. English candidates are
// runs of 1–8 words not starting or ending with a function word; inside
// only of/and/for/with/the/a/on/in (not "in the": "sovereign wealth fund in
// the world"), commas in a coordination ("terrorism, separatism and
// extremism"; one "and" without commas: not "emerging market and Mainland
// bonds and equities"), no amount ("RMB18 billion") nor number but a
// year or a serial ("(No. 2) Ordinance 2016")
// and balanced brackets, though none ends with
// a bracketed group (the name, not "name (ABBR)", is the rendering; the
// short form is a candidate of its own); none ends with a
// lower-case past form ("Chief Executive made", "defensive measures
// deployed") or starts or ends with a month, and a capitalised past form
// alone ("Revised" of "Revised Tax Regime") is no term; no candidate starts or ends
// inside a capitalised name (a possessive ends one: "Chief Executive" in
// "HKMA’s Chief Executive"), also one joined by a lower-case and/of/for
// ("Belt" and "Road Initiative" in "Belt and Road Initiative": such single
// words are counted for the word lexicon, as are single past forms, but
// are no terms). English keys are norm.WordKeys (plural,
// case, UK/US), Chinese keys the folded text, so different cuts of one
// term count together. An English term is shown in its most frequent form
// ignoring case (ties: the shorter), in that form's most frequent casing.
//
// Counting, in two passes that both merge by addition (TermCounts.Merge,
// PairCounts.Merge), so shards of a corpus can be counted apart:
//  1. CountTerms: occurrences of every candidate. Vocabulary keeps those
//     seen MinFreq times and marks closed terms: a candidate that a
//     one-token-longer candidate holds in closedShare of its occurrences
//     ("Hong" in "Hong Kong", "stored value" in "stored value facilities";
//     not one joined to the word before it by a function word, "Chief
//     Executive" in "directive of the Chief Executive") is no term (from
//     minClosedFreq occurrences; also below it when the longer one always
//     extends it to the right: 三股 in 三股势力 from minExactClosed
//     occurrences, "note-issuing" in "note-issuing banks" from two, as
//     English candidates never end in a past form, "Chief Executive made";
//     a name, ending in a capital, is whole before a lower-case word:
//     "Belt and Road" in "Belt and Road cooperation").
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
// single words close to each other's best partner (nearBest); against a
// dictionary rendering the corpus uses, a learned link needs
// minOverridePairs units (一道 is "together", not "ready"). A pair is kept
// from minQuality, or when no dictionary explains it but it is one-to-one
// (passes), unless one English word renders the part of a Chinese term
// of several words that the dictionary glosses with it (合營公司 ↔
// "joint": partial; an acronym, or 金融科技 ↔ "fintech", is whole). Competitive linking, in order of quality times verbPrior for
// verb phrases (so 共建一带一路 does not claim what 一带一路 renders), then
// gives each Chinese term its best English rendering that no better pair
// has claimed; a fragment seen only inside a longer term with the same
// rendering yields to it (enclosing: 特定分類貸款比率, not 分類貸款比率),
// and so does one whose co-occurrences with the rendering all lie inside
// a longer term, when the dictionary leaves English words unexplained and
// the longer term adds no verb, number or function word (nested:
// 中小企融資擔保計劃, not 融資擔保計劃, for "SME Financing Guarantee
// Scheme"), while a longer term yields to a shorter one inside it that
// the dictionary explains fully and that also occurs outside it (一带一路,
// not 推进一带一路, for "Belt and Road"), and may find another; a
// title in 《》 and the same words without them (《外匯基金條例》,
// 外匯基金條例) may share a rendering;
// the rendering is extended to the maximal one when that is about as good
// (maximal), and when the longer rendering says what only a longer Chinese
// term says, that term takes it and the shorter keeps its own
// (內部回報率年率 ↔ "annualised internal rate of return", 內部回報率 ↔
// "internal rate of return"); fragments of a longer pair that the dictionary does not
// support are dropped unless the dictionary pairs the rest of the longer
// pair (英國脫歐 ↔ Brexit stays next to 英國脫歐公投 ↔ Brexit referendum:
// dropFragments). The score that orders the
// glossary is quality × log2(1+pairs), times trivialPrior when CC-CEDICT
// already gives the pair (市场 ↔ market, 合作 ↔ cooperation) and verbPrior
// for verbs, verb-led candidates and clauses (a verb with words before and
// two or more after it: 峰会期间会见塔吉克斯坦总统). Ties: score, then zh, then en.
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
