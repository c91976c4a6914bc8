// Package align aligns the sentences of a Chinese text with those of its
// English edition: it finds the beads (groups of sentences that translate
// each other) of the best monotone alignment, prices each, and says how
// sure it is of each.
//
// # Cost model
//
// An alignment is a sequence of beads covering both documents in order.
// A bead of type a-b pairs Chinese sentences [i, i+a) with English
// sentences [j, j+b); the types allowed are Aligner.Types (DefaultTypes:
// 1-1, 1-2, 2-1, 1-0, 0-1, 1-3, 3-1, 2-2, 1-4, 4-1, 2-3, 3-2). The cost of
// an alignment is the sum of its beads' costs:
//
//	cost(a-b bead) = Prior[a-b]
//	               + Length  · GC(lz, le)
//	               + Lexical · (Σ over the bead's sentences rich·(1 − coverage)
//	                          + Redundant · L · Σ over each many-sentence
//	                            side rich·(1 − coverage)·(1 − unique))
//	               + Para  if the bead starts a paragraph on one side only
//	               + Quote if the bead starts inside a quotation on one side and
//	                 outside any on the other
//	               + Kind  if the two sides' runs of sentence kinds differ
//
//	cost(deletion of one sentence) = Prior[1-0 or 0-1] + max(minDeleteCost,
//	               Delete − DeleteDrop · min(missing/missingFull, 1)
//	               + Evidence · best − (Omit + OmitLiteral · L) · rich · (1 − best))
//
// GC is the Gale-Church length term: with lz and le the non-space
// character counts of the two sides, r the English characters per Chinese
// character and s² the variance per character, δ = (le − r·lz)/(s·√(n·r))
// with n = (lz + le/r)/2. The tail probability P(|Z| ≥ |δ|) = erfc(|δ|/√2)
// is mixed with a lengthOutlier share of a lengthOutlierScale-times wider
// normal (translations have heavy-tailed length ratios), and GC = −log of
// the mixture − 1: for a correct bead −log of a uniform tail probability
// has mean 1, so centring makes a typical correct bead cost nothing
// whatever the number of beads. erfc underflows beyond about 27, so past 5
// the asymptotic expansion exp(−x²)/(x√π)·(1 − 1/2x² + 3/4x⁴ − 15/8x⁶) is
// used in log form (logErfc); NLTK's version returns −log 0 there and its
// DP collapses on Chinese-English text. Both functions are tabulated for
// speed. r is estimated from the document pair itself (total English over
// total Chinese characters); r and s² are re-estimated from the confident
// beads of the first pass (the tenth most deviant left out); s² starts at
// Weights.Variance.
//
// Coverage is lexical. Each Chinese sentence is cut by longest match
// against the user lexicon (--dict) and CC-CEDICT; each word's English
// keys are the content words of its glosses (norm.TermKey forms, function
// words and bracketed notes dropped, at most maxGlossKeys per word), plus
// renderings from a learnt Model. Where longest match from the end of a
// run of characters cuts it differently (对美|元 against 对|美元), each
// word also takes the keys of the backward words that overlap it, so the
// right reading matches whichever it is (strict F1 news-dev 0.9685 →
// 0.9721, mac-dev 0.8543 → 0.8574; cutting by the backward reading alone,
// or by the fewest words, lost half a point on mac-dev, and taking every
// dictionary word across a boundary gained less). Runs of 2–4 hanzi whose toneless pinyin,
// syllables joined, spells a run of capitalised English words become name
// units (孔令强 ↔ Kong Lingqiang). Numbers, Latin words and acronyms stand
// for themselves; ？, ！, quotation marks (“” 《》 「」; in English also
// single ones, told from apostrophes as below), ellipses (…… against ...
// or . . .) and parentheses are anchors that match their English
// counterparts. English keys take part
// only when some Chinese unit can match them; Chinese words take part when
// they can match, and also when the dictionary renders them but none of
// the renderings occurs anywhere in the English: such a word can never be
// covered, so a sentence made of them (an untranslated passage) keeps its
// content weight and is cheaper left out than glued to a neighbour's bead.
// On the English side, Unmatched · L of the weight of the words and name
// keys no Chinese unit can match counts as content (L, literalness,
// below: applied to all text the rule cost the literary set two points of
// strict F1; unmatched.go says why name keys count and the scale is not
// read again). Each unit
// and key is weighted by its IDF in its document, log(1 + N/df). The coverage of a
// sentence in a bead is the weight of its units (keys) that have a
// rendering among the other side's sentences of the bead, divided by its
// total weight plus Smooth. Because coverage is taken against the whole
// other side of the bead, a merged block is scored as a concatenation
// (as Vecalign does), and because every sentence answers for its own
// coverage, a sentence with nothing matching in a bead costs a whole
// Lexical and is cheaper left out than smeared into its neighbour's bead.
//
// Coverage is read on a per-document scale (calibrate): covLo is the mean
// coverage of pairs calibrateFar sentences off the diagonal (unrelated
// sentences), covHi the median over Chinese sentences of the best pair
// near the diagonal (translations); coverage maps linearly to [0, 1]
// between them. News repeats its vocabulary, so unrelated sentences share
// a quarter of their words; literary translations render freely and cover
// a third of their source; the scale makes one set of weights serve both.
// rich = w/(w + Richness) for a sentence of total unit weight w: coverage
// of a sentence with little content says little either way.
//
// Deletions are priced by local evidence and by the document: best is the
// highest pairwise similarity (mean of the two scaled coverages) of the
// dropped sentence with the sentences within evidenceReach of where it is
// dropped. A content-rich sentence with nothing similar nearby gets the
// omission discount, Omit + OmitLiteral · L (L, literalness, below): in a
// literal edition such a sentence is probably an omission, in free
// literary translation it is the norm (Omit 2 unscaled, on top of
// OmitLiteral, took mac-dev from 0.892 to 0.884 with false 1-0 beads and
// news-dev from 0.972 to 0.940). A sentence whose translation is
// probably next door pays
// Evidence more. missing is the share of one side's text that the other
// side's length does not account for at the ratio of the confident beads
// of the first pass: a Chinese edition with a passage the English lacks is
// longer than r predicts, and deletions on that side get cheaper. So a run
// of untranslated paragraphs comes out as a run of 1-0 beads, and a
// literary text translated throughout is not cut into omissions.
//
// Translators add sentences (a summing-up, a gloss for foreign readers)
// that repeat words of their neighbours, so they are partly covered and
// get glued into a 1-2 bead. What gives them away is that they add
// nothing: unique is the share of the Chinese side's weight that an
// English sentence of the bead matches and none of its companions does,
// read as full from uniqueFull (5%); a sentence that is poorly covered and
// adds nothing pays Redundant. The same holds the other way round: a
// Chinese sentence the English left out, glued to its neighbour in a 2-1
// bead, matches nothing of the English its neighbour does not (on
// news-dev the term on both sides found 1-0 beads 38 of 41 times, on the
// English side only 36). On news-dev, added sentences have unique 0
// in 11 of 14 cases, sentences of true 1-2…1-4 beads in 3 of 234; but in
// literary translation a tenth of the sentences of gold many-to-one beads
// look like that. So this term and the OmitLiteral share of the omission
// discount (by default all of it) are scaled by L, the literalness of the
// document pair: the
// median over English sentences of the coverage of each by its best
// Chinese sentence near the diagonal, read on the first pass (with the
// dictionary, and in batch mode the corpus model), mapped linearly from 0
// at 0.55 to 1 at 0.65 (news editions: 0.66–0.94; literary translation:
// 0.46–0.56), and drawn towards 0.5 when a side has fewer than 8
// sentences. English sentences are measured because an edition that
// renders one Chinese sentence as four is literal though no one English
// sentence covers its source.
//
// Sentence kinds (body, title, caption, metadata) are compared as ordered
// runs: caption + credit against one English caption agree. When neither
// document has paragraphs (one sentence per line), kinds were guessed from
// lone lines and Kind is divided by kindWeakFactor; on a side without
// paragraphs titles count as body (a short line without an end mark is as
// often a short sentence).
//
// Dialogue is structure too: translators re-cut the sentences of a speech,
// but a bead that starts inside a quotation on one side starts inside one
// on the other. A running scan over each side reads how each sentence
// starts: outside a quotation of the side's outer marks, opening one, or
// inside one. The outer marks are, in Chinese, whichever of “” and 「」
// occurs more (the other pair being the inner one); in English, whichever
// of '…' and "…" opens more sentences, an ASCII mark opening at the start
// of a word and a single one closing only after punctuation, or after a
// letter once the sentence has opened one and not in a plural possessive
// (the boys' room), since otherwise it is an apostrophe; elisions ('90s,
// 'em, rock 'n' roll) open nothing. Every mark toggles the state (a
// speech over several paragraphs opens again at each without closing),
// so a misread one misleads only up to the next, and a sentence that
// starts with an opening mark opens a quotation whatever the scan says.
// The hint is used when both sides have marks in at least minQuoteShare of
// their sentences. A sentence that opens a quotation agrees with both
// other states: English closes a speech to name its speaker and opens it
// again where the Chinese speech runs on, and names the speaker after a
// speech the Chinese introduces (quoteClash). On mac-dev the hint took
// strict F1 from 0.860 to 0.885 (the translators re-cut dialogue: 1-2
// beads glued to the wrong neighbour, a line of speech left out);
// news-dev, with little dialogue, is unchanged (0.972).
//
// A refinement pass re-cuts every many-to-many bead at each internal
// boundary pair and keeps the cheapest cut if it costs at most Refine more
// (scoring blocks as concatenations favours merging).
//
// Match masks make the lexical term cheap: a sentence keeps at most 64
// units (maxUnits, the most informative), each a bit; for a sentence pair
// one merge of two sorted id lists yields the bit mask of matched units on
// each side, and the coverage of a sentence by a block is the weight of
// the OR of its masks against the block's sentences. The DP computes the
// masks of the pairs near the band once per block of pairBlock rows
// (pairCache).
//
// # Learning from the data
//
// Align makes two passes. The confident beads of the first (marginal ≥
// minLearnConfidence, at most maxLearnSide sentences a side) train IBM
// Model 1, t(English key | Chinese word) with a NULL word, by
// model1Iterations of EM; pairs with t ≥ minTranslationProb seen together
// in at least minCooccurrence beads become renderings, and the second pass
// runs with them and with the re-estimated length parameters. In batch
// mode a Learner collects confident beads over a whole corpus and trains
// one Model for all documents (Aligner.Model).
//
// # Recurrence and search
//
//	D(0,0) = 0
//	D(i,j) = min over types a-b of D(i−a, j−b) + cost(bead [i−a,i)×[j−b,j))
//
// Ties go to the type listed first in Types, so results never depend on
// anything but the input. The full table is quadratic, so documents with
// more than defaultCoarseMax sentences a side are first aligned at half
// resolution (pairs of consecutive sentences merged: lengths added, units
// and keys united), recursively; the coarse path, projected back, is the
// centre of a band of half-width Band (DefaultBand) in which the DP runs.
// Where the best path touches the edge of the band (not of the table), the
// band is doubled around that place, recentred on the path and the DP run
// again, until the path stays inside. Two bounds keep this linear when
// many paths cost almost the same: a level whose units would merge
// maxMerge (16) sentences or more is not aligned at all (its units say too
// little about content); the level below is instead banded around the
// diagonal of the table, and widens from there. And each level's band holds
// at most fineCells cells per sentence at the finest level and
// coarseCells at coarser ones (no cap below minCells, 2^18 cells, so short documents
// are aligned exactly); a coarse level also widens to at most 8×Band. The
// levels shrink geometrically and each costs O((n+m)·w·|Types|) for band
// width w, so time and memory are linear in the length of the documents
// (BenchmarkAlign at 4a1e1b9 with the collections below: 169, 172 and
// 209 µs a sentence for 1,000 × 1,300, 10,000 × 13,000 and 100,000 ×
// 130,000 sentences with paragraph-sized deletions in one run; on this
// shared 2-core machine repeated runs vary by a third). Memory is linear
// as well: a coarse level keeps only the matching forms of its merged
// units, built straight from the sentences; the DP keeps its running
// costs for the last maxA+1 rows and its pair masks for the next
// pairBlock rows, so what grows with the band is the back pointers and
// bead costs (1 + 4·|Types| bytes a cell) and the forward-backward tables
// of the confidences (8 bytes a cell: float32 less the largest value of
// the row, computed in float64), held in chunks that a widening band adds
// to instead of reallocating. Between its passes over a pair of
// largePair sentences or more, Align runs a garbage collection: each pass
// leaves tables and features behind, which the collector would otherwise
// keep until the heap doubled. With it the 100,000 × 130,000 pair peaks at
// 650–663 MB of heap and 783 MiB resident (without: 718–806 MB, 762–891
// MiB); the band's cell budget (fineCells) bounds the worst case, two
// unrelated documents, at about 57 bytes a cell: BenchmarkUnrelated peaks
// at 663 MB of heap (570 MB live) and 752 MiB resident (without the
// collections: 807–973 MB and 947–1,023 MiB). fineCells 24 would hold
// less but slowed BenchmarkAlign's 100,000-sentence pair by half. The
// masks and the DP's other tables are
// reused between calls (a sync.Pool of scratch space), the tables that grow
// with the band only within a call. A test checks the
// banded search against an obviously-correct full DP on 50–300-sentence
// pairs with the band forced down to 3 and runs of 20+ dropped sentences.
//
// # Confidence
//
// A bead's marginal probability under the Gibbs distribution p(path) ∝
// exp(−cost(path)/Temperature) over all paths in the final band is
// computed by the forward-backward algorithm (log-sum-exp). It is high
// when no alternative segmentation comes close in cost. A deletion (1-0,
// 0-1) is the same bead wherever the other side's position falls, so its
// marginal is the probability that its sentences are left out, summed over
// those positions. The first pass's marginals choose the beads Model 1
// learns from and the beads the length parameters are re-estimated on.
//
// What a sentence left out should cost is the least certain part of the
// model (it is what separates a free translation from an edition that
// drops passages), so on the final pass the marginals are averaged over
// three deletion prices: Spread (1) nats a sentence less, the same, and
// Spread more (never below Prior + minDeleteCost for each sentence left
// out). A bead whose standing depends
// on that price loses confidence. On news-dev this ranks wrong beads lower
// (area under the ROC curve of strict correctness 0.832 → 0.868; Spread 2
// and 3 did as well when tried; mac-dev 0.831 → 0.832).
//
// Such marginals are underconfident: a correct bead shares its mass with
// many paths that differ from it a little. On mac-dev beads with a
// marginal of 0.1–0.2 are right half the time and those of 0.5–0.6 four
// times in five (news-dev: three in four). The reported Confidence is the
// marginal to the power Calibration (0.3), which makes it a probability
// of being exactly right: the exponent that minimises the Brier score is
// about 0.2 on news-dev and 0.4 on mac-dev, and 0.3, between them, costs
// either set at most 0.002 of Brier score against its own best (news-dev
// 0.0297 against 0.0286, mac-dev 0.1059 against 0.1044) and brings the
// expected calibration error over the ten deciles from 0.18 to 0.04 on
// news-dev and from 0.22 to 0.05 on mac-dev. The power changes no
// ranking. Beads whose Confidence is 0.9 or above are right 99% of the
// time on news-dev and 98% on mac-dev; on the literary set those of
// 0.5–0.6 are right 50%, of 0.8–0.9 86%.

// # Unrelated documents
//
// Any two documents can be aligned, and the DP will pair sentences of an
// article with those of another; its confidences are relative to the
// other paths and can stay high. So Align returns ErrUnrelated when the
// first sentences of its beads share less than unrelatedCoverage (16%) of
// their words, over minRelatedBeads beads or more, and hardly more (under
// unrelatedGap) than each shares with the English sentence half a
// document away (relatedness; a translation shares 25 points more): free
// literary translation shares 32–39% (mac-dev), news editions more; one
// news-dev article against the next one's English edition shares 6–29%,
// chapters of different novels 10–15%. The bound is half the lowest true
// pair, so it lets unrelated articles on one topic through rather than
// refuse a free translation. Aligner.Unrelated (bitext align --unrelated)
// aligns them anyway.

// # How the weights were set
//
// Lexical is the unit of the scale (3). Unmatched (0.5), Redundant
// (1.25) and OmitLiteral (3.5), the weights scaled by literalness, were
// chosen on news-dev, where every document is literal (L = 1): a grid of
// Unmatched 0.4–0.6, OmitLiteral 0.5–1 and Redundant 0.5–1.5 has a
// plateau at Unmatched 0.5, Redundant 1–1.5 where 12 of 14 0-1 beads are
// found; the whole omission discount then moved from Omit into
// OmitLiteral, which leaves news-dev unchanged and raises mac-dev (L ≈ 0)
// from 0.857 to 0.860. Cross-validated by halves of news-dev (a grid of
// Unmatched 0.25–1 × Redundant 0.5–2.5 × OmitLiteral 2.5–4.5, chosen on
// 001–015 and scored on 016–030 and the reverse): strict F1 0.953 (two
// choices tie on 001–015; they score 0.953 and 0.969) and 0.975; over
// both folds 1-0 recall 39 of 41 and 0-1 12 of 14. The floor
// minDeleteCost keeps a choice at the edge of the grid from collapsing
// (without it the first fold scored 0.70). Length, Delete, DeleteDrop,
// Omit, Evidence, Quote and Kind were chosen by small grid searches on
// news-dev and on mac-dev with two-fold cross-validation (three documents
// to choose, three to score, both ways). On the grid Quote 0.5–3 ×
// Length 0.15–0.35 × Delete 4–6 × Omit 0–2, mac-dev 001–003 chooses
// Quote 2, Length 0.25, Delete 6, Omit 2 (strict F1 0.886 on 004–006),
// and on 004–006 three settings tie (Quote 2 or 3, Length 0.35, Delete 5,
// Omit 1 or 2), which score 0.865, 0.875 and 0.885 on 001–003:
// 0.875–0.885 on average. TestCrossValidate reproduces this (it takes the
// first tie in its grid order, Quote 3 with Omit 1: 0.885). Every setting
// with Quote 2, Length 0.25–0.35 and Delete 5–6 scores 0.884–0.893 on all
// six: the folds choose among near-ties. Free translation wants less of
// the length cost (002 is Minford's Deer and the Cauldron), closer
// translation more. The defaults are Quote 2, Length 0.25, Delete 5 and
// Omit 0: both folds, choosing on mac-dev alone, take Omit 2, but Omit
// was set on both sets (on news-dev, where OmitLiteral already gives the
// discount, Omit 2 costs three points), so the cross-validated figures
// belong to a procedure a little different from the one that set the
// defaults. The defaults score 0.893 on all six mac-dev documents and
// 0.972 on news-dev, where Delete 6 would cost
// two points and find 5 of 14 0-1 beads (the first fold's choice: 0.969;
// the second fold's: 0.943). Para, Refine, Richness, Smooth and the
// bead priors were set by hand: the priors follow the shape frequencies
// of translated prose (−log of 1-2 being about half as common as 1-1,
// every further sentence in a bead costing more). Temperature is 1 (costs are in nats);
// Spread and Calibration are explained under Confidence.
// Every other constant has the value its comment gives a reason for.
// Nothing from the evaluation sets is embedded: the dictionary is
// CC-CEDICT, everything else is estimated from the documents at hand.
package align
