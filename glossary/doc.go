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
// their own, so 《政府工作报告》, “十三五”规划 and
// 中国国际进口博览会（进博会） survive; a quotation counts as the words it
// quotes (“一带一路” and 一带一路 are one key) and is no candidate alone.
// Tokens the segmenter cut across a word boundary are repaired
// (refineTokens): a run of tokens holding lone characters (function
// characters aside) or pieces the dictionary lacks is cut anew when a cut
// into dictionary words and the segmenter's own tokens costs less (recut:
// 峰/会上 → 峰会 上), keeping as many of the segmenter's tokens as it can,
// at any length (中华人民共和国), and the segmenter's compounds of
// dictionary words (对外开放, 基本国策); then a token is split at a function
// character (所得/税时 → 所得 税 时, so 所得税 is a candidate). 会, 所 and
// 者 are function characters (the modal 会: 他们会继续合作) and heads of
// names (进博会, 服贸会, 上交所): a head after a short piece the dictionary
// lacks or a lone character (进/博会, 进博/会) or after a word (服贸会) ends
// a name, joined into one token (joinNameHeads), unless what follows reads
// as a modal's clause (an adverb or preposition: 中俄会继续; after a word,
// anything but a particle or localiser: 企业会更加重视). A year or
// a Chinese numeral may open a candidate (2016年…条例, 三股势力), function
// words and bare numbers may not start or end one, nor an ordinal without
// its noun end one (出席第二), and clause words (是, 在, 将…) may not
// occur inside.
//
// English candidates are runs of 1–8 words not starting or ending with a
// function word; inside only of/and/for/with/the/a/on/in (not "in the":
// "largest port in the world"), commas in a coordination ("terrorism,
// separatism and extremism"; one "and" without commas: not "machinery and
// electronics and textiles"), no amount nor number but a year or a serial
// ("Resolution (No. 2) Measures 2021", where "No" as written, not the
// determiner "no", marks the serial), and balanced brackets, though none
// ends with a bracketed group (the name, not "name (ABBR)", is the
// rendering; the short form is a candidate of its own). An amount is a
// currency code joined to a number ("RMB18") or a scale word after a
// number or a spelled numeral ("18 billion", "two hundred"); a scale word
// elsewhere is a word ("Thousand Talents Plan"). No candidate ends with a
// lower-case past form ("Foreign Minister made", "security measures
// deployed") or starts or ends with a month; a capitalised past form alone
// is no term when the corpus also writes it in lower case ("Revised" next
// to "revised rules"), and a name otherwise (Mohammed). No candidate
// starts or ends inside a capitalised name (a possessive ends one:
// "Foreign Ministry" in "China’s Foreign Ministry"), also one joined by a
// lower-case and/of/for ("Belt" and "Road Initiative" in "Belt and Road
// Initiative": such single words are counted for the word lexicon, as are
// single past forms, but are no terms). English keys are norm.WordKeys
// (plural, case, UK/US), Chinese keys the folded text, so different cuts
// of one term count together. An English term is shown in its most
// frequent form ignoring case (ties: the shorter), in that form's most
// frequent casing.
//
// Counting, in two passes that both merge by addition (TermCounts.Merge,
// PairCounts.Merge; the zero value is ready to merge into), so shards of a
// corpus can be counted apart:
//  1. CountTerms: occurrences of every candidate. Vocabulary keeps those
//     seen MinFreq times and marks closed terms: a candidate that a
//     one-token-longer candidate holds in closedShare of its occurrences
//     ("Hong" in "Hong Kong", "free trade" in "free trade zone"; not one
//     joined to the word before it by a function word, "Shanghai
//     Cooperation Organization" in "members of the Shanghai Cooperation
//     Organization") is no term, from minClosedFreq occurrences. Below it,
//     a candidate always extended by the same token on its right is no
//     term either: Chinese from minExactClosed occurrences (三股 in
//     三股势力; Chinese stacks nouns freely, 一带一路 before 建设, so fewer
//     are chance), English from minExactClosedEN ("high-speed" twice before
//     "rail": an English candidate never ends where a clause goes on, so
//     the word after it is the head of a compound), except a name, more
//     than nameShare of whose occurrences end in a capital ("Belt and
//     Road" in "Belt and Road cooperation").
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
// (passes), unless one English word renders the part of a Chinese term of
// several words that the dictionary glosses with it (合资公司 ↔ "joint":
// partial; an acronym, a word covering wholeCover of the term, or one the
// dictionary does not give for a part, 区块链 ↔ "blockchain", is whole).
//
// Competitive linking, in order of quality times verbPrior for verb
// phrases (so 共建一带一路 does not claim what 一带一路 renders), then
// gives each Chinese term its best English rendering that no better pair
// has claimed. A term seen only inside a longer term with the same
// rendering yields to it from minEnclosed occurrences (enclosing:
// 中国国际进口博览会, not 国际进口博览会, for "China International Import
// Expo"), and so does one whose co-occurrences with the rendering all lie
// inside a longer term, when the dictionary leaves English words
// unexplained and the longer term's extra words could belong to a name: no
// function word, number or ordinal, no lone character before the term,
// and a verb only from minVerbModifier shared pairs (nested and modifiers:
// 亚洲基础设施投资银行, not 基础设施投资银行, for "Asian Infrastructure
// Investment Bank"; 跨境支付系统 keeps its verb 支付). A longer term
// yields to a shorter one inside it that the dictionary explains fully and
// that also occurs outside it (一带一路, not 推进一带一路, for "Belt and
// Road"), and may find another; a title in 《》 and the same words without
// them (《政府工作报告》, 政府工作报告) may share a rendering. The
// rendering is extended to the maximal one when that is about as good
// (maximal), or when the dictionary explains the longer one word by word
// with the term's words and it says more of the term, from wholeShare of
// the pairs: the English is not cut inside what the dictionary gives for
// the whole term (全面战略合作伙伴关系 ↔ "comprehensive strategic
// partnership", though one sentence says "comprehensive strategic
// cooperative partnership"); and when the longer rendering says what only a longer Chinese
// term says, that term takes it and the shorter keeps its own
// (国内生产总值增长率 ↔ "GDP growth rate", 国内生产总值 ↔ "GDP");
// fragments of a longer pair that the dictionary does not support are
// dropped unless the dictionary pairs the rest of the longer pair (脱欧 ↔
// "Brexit" stays next to 脱欧协议 ↔ "Brexit agreement": dropFragments), and
// so is a term never seen outside a longer linked one whose English holds
// its own and more of what the dictionary gives for it (全面战略合作伙伴 ↔
// "comprehensive strategic" inside 全面战略合作伙伴关系 ↔ "comprehensive
// strategic partnership").
//
// The score that orders the glossary is quality × log2(1+pairs), times
// trivialPrior when CC-CEDICT already gives the pair (市场 ↔ market, 合作
// ↔ cooperation) and verbPrior for verbs, verb-led candidates and clauses
// (a verb with words before and two or more after it:
// 代表团访问期间会见当地华侨代表), but a key ending in the head of a name
// (上海合作组织成员国元首理事会, 个人信息保护条例: isNameHead) or rendered
// in title case ("SCO Council of Heads of State") is no clause. The
// dictionary's verdict on the pair (verdict) scales it too: where it
// renders the Chinese term (a word it lists, or the words of one it
// lacks), none of the renderings is in or near the English (nearWord:
// same stem, or a word opening or inside the other: tax, taxation;
// statement, misstatement) and one is in the English of minConsistency of
// the term's units, the pair contradicts it and ranks below the pairs it
// agrees with (contradictedPrior: 当地时间 ↔ "sidelines" where "local time"
// is said, 组织成员国 ↔ "council" next to "member states"); where none is
// in those units either, a single word the dictionary lists (generalWord:
// 一道, 中方) rendered by a word that is no name ranks as general
// vocabulary (generalPrior: 一道 ↔ "ready"). An acronym or a name of
// several words in title case is beyond the dictionary's judgement
// (noVerdict), as are terms none of whose words it knows. Ties:
// score, then zh, then en.
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
//	孔子学院	Confucius Institute	Xinhua usage	approved
//
// CSV: UTF-8 with a byte order mark, the same columns, headed
// zh-CN,en-US,comment,status,… for memoQ and Trados. TBX: TBX-Basic (TBX
// v2, martif), one termEntry per entry, status as administrativeStatus
// (approved = preferredTerm, new = admittedTerm, forbidden = deprecatedTerm,
// rejected = supersededTerm) plus the exact status in a termNote of type
// x-bitextStatus, statistics as notes, examples as context descrips. JSON:
// an array of Entry objects.
package glossary
