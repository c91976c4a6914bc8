package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/norm"
)

// Candidate lengths: Chinese terms of 1–6 segmenter tokens, English terms of
// 1–8 words. Bracketed and quoted groups, connectives (及, 与) and a year
// (2016年) do not count toward the six, so official names such as
// 2021年反外国制裁法（草案）实施条例 survive, up to maxZHRaw tokens in all.
const (
	maxZHTokens = 6
	maxZHRaw    = 10
	maxENWords  = 8
)

// zhConnective are the words inside coordinated names: 执法安全与合作.
var zhConnective = setOf(`及 与 和 暨 或`)

// zhTitle holds the titles of people that follow a name (亚洲基础设施投资银行
// 行长, 国家统计局局长): after a term they name its holder (simplified forms).
var zhTitle = setOf(`行长 局长 部长 市长 省长 司长 处长 署长 会长 院长 校长 社长 行政长官 总裁 经理 总经理
	主席 副主席 总统 副总统 总理 副总理 主任 总监 董事长 秘书长 先生 女士 教授 博士 大使 发言人`)

// zhWeight is what token j counts toward maxZHTokens.
func zhWeight(toks []zhToken, simp []string, j int) int {
	switch {
	case toks[j].group != 0, zhConnective[simp[j]]:
		return 0
	case isZHNumber(toks[j].text) && j+1 < len(toks) && simp[j+1] == "年":
		return 0
	case simp[j] == "年" && j > 0 && isZHNumber(toks[j-1].text):
		return 0
	}
	return 1
}

// Separators inside candidate keys. A Chinese key is the folded tokens
// joined by zhSep; an English key is the word keys (norm.WordKeys) and the
// markers "," "(" ")" "&" joined by spaces.
const zhSep = "\x1f"

// A cand is one candidate occurrence: its key and its surface text.
type cand struct {
	key, surface string
	a, b         int // first and last token of the occurrence in its unit
	n            int // occurrences in the unit (set by dedup)
	// fragment: an English word inside a name (see nameAcross), counted
	// for the word lexicon but no term.
	fragment bool
	// nameEnd: an English candidate whose last word is capitalised (the
	// end of a name: "Belt and Road").
	nameEnd bool
}

// zhToken is a token of a Chinese chunk: a segmenter word, or a group in
// 《》, quotes or short brackets kept whole.
type zhToken struct {
	text  string
	start int
	end   int
	group rune // opening bracket of a group token, 0 for a word
	// key of a quotation: the key of the words quoted (see zhChunks).
	key string
}

// isQuote reports whether r opens a quotation (not a title or brackets).
func isQuote(r rune) bool {
	return r == '“' || r == '「' || r == '『'
}

// Chinese function words: a candidate neither starts nor ends with one.
// Simplified forms; tokens are compared after norm.Simplify.
var zhFunction = setOf(`的 地 得 了 着 过 和 与 及 以及 或 或者 并 并且 而 而且 但 但是 在 于 对 对于 为 为了
将 把 被 由 从 自 向 以 因 因为 所以 如 如果 若 则 即 就 也 都 又 还 亦 是 有 这 那 此 其 该 各 每 之 等
等等 个 们 中 上 下 后 前 时 里 内 已 已经 会 可 可以 能 要 需 须 应 不 没有 未 无 非 很 更 最 较 所 所有
我们 我 你 他 她 它 他们 本 年 月 日 号 去年 今年 明年 一 一些 一个 这些 那些 当 包括 通过 进行 继续 提供
其中 同时 有关 相关 主要 如何 什么 另外 此外 至 到 给 让 使 跟 同 以来 之间 以上 以下 以外 方面 期间
由于 并非 及其 以及其 至于 以便 为此 之后 之前 然而 因此 另 再 仍 即使 只 只是 均 共 约 逾 近 多 少
所述 有所 这个 那个 这种 该等 其他 其它 若干 不少 进一步 作为 按 按照 根据 就此 包含 涉及 获 于是 来
去 而言 方 者 等方面 着重 为止 例如 如下 下列 上述 以往 尤其 特别 亦即 可能 一直 正在 曾 目前 项 名 宗 次
位 份 种 批 件 笔 只 些 头 把 张 届 间 否 是否`)

// zhClause are words that no term holds inside: copulas, auxiliaries,
// prepositions and adverbs mark clause structure (的, 及 and 与 may occur
// inside names: 中国人民银行发行的数字人民币及其钱包).
var zhClause = setOf(`是 为 在 将 把 被 了 着 过 从 也 都 又 就 还 不 已 已经 会 可 可以 要 应 使 让 给 向 于 而 但
并 则 即 亦 曾 正在 对于 由于 因为 所以 如果 虽然 但是 而且 以及其`)

// zhNumberUnit are the words a number may stand before inside a Chinese
// candidate (第2号, 2016年); elsewhere a number ends a candidate.
var zhNumberUnit = setOf(`年 号 章 条 款 期 届 周年 号文`)

// English function words: a candidate neither starts nor ends with one.
var enFunction = setOf(`a an the of and or nor for with to in on at by from as into onto over under about after
before during between through including while per via both each other more most all any some such
no not than then so but if because when where how up out against among within without towards toward
upon further also this that these those it its their his her our my your they we you he she i which
who whom whose what is are was were be been being has have had will would shall should may might can
could must do does did said says there here only even just very well ago again however since until
whether yet than etc e.g i.e vs one two three four five six seven eight nine ten first second third
last next new same many much several various outside inside across beyond around along amid amidst despite
throughout beneath behind besides except unlike largest biggest highest lowest greatest smallest strongest
weakest accordance`)

// enInnerOK are the function words a candidate may hold inside ("Bank
// for International Settlements", "community with a shared future");
// any other function word (to, by, as, will, that…) marks clause
// structure, not a term.
var enInnerOK = setOf(`of and for with the a an on in`)

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// isZHNumber reports whether a token is a bare number (Arabic or Chinese
// numerals, with separators).
func isZHNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune("零〇一二三四五六七八九十百千万萬亿億两兩.,．，%％", r) {
			return false
		}
	}
	return true
}

// zhChunks cuts Chinese text into chunks of tokens between punctuation.
// Titles in 《》, short quotations and short bracketed groups become single
// tokens of the chunk they sit in, and their contents are chunks of their
// own, so that 《政府工作报告》, “十三五”规划 and 中国国际进口博览会（进博会）
// survive as candidates next to 政府工作报告 and 进博会.
func zhChunks(text string, seg corpus.Segmenter) [][]zhToken {
	var chunks [][]zhToken
	var cur []zhToken
	flush := func() {
		if len(cur) > 0 {
			chunks = append(chunks, cur)
			cur = nil
		}
	}
	words := func(start, end int) {
		if start >= end {
			return
		}
		pos := start
		for _, w := range seg.Cut(text[start:end]) {
			i := strings.Index(text[pos:end], w)
			if i < 0 {
				continue
			}
			s := pos + i
			pos = s + len(w)
			if strings.TrimSpace(w) == "" {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(w); isBreak(r) || !strings.ContainsFunc(w, isWordRune) {
				// punctuation inside a title: 《2021年数据安全法（草案）》; a
				// list bullet ("- 加强监管"), a lone hyphen or dot
				flush()
				continue
			}
			cur = append(cur, zhToken{text: w, start: s, end: pos})
		}
	}
	runStart := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if closer, max := groupCloser(r); closer != 0 {
			if j := groupEnd(text, i+n, closer, max); j > 0 {
				words(runStart, i)
				end := j + utf8.RuneLen(closer)
				cur = append(cur, zhToken{text: text[i:end], start: i, end: end, group: r})
				inner := cur
				cur = nil
				words(i+n, j)
				if isQuote(r) {
					// “一带一路” is the term 一带一路 quoted: one key for both.
					ks := make([]string, len(cur))
					for k, t := range cur {
						ks[k] = norm.Fold(t.text)
					}
					inner[len(inner)-1].key = strings.Join(ks, zhSep)
				}
				flush()
				cur = inner
				i, runStart = end, end
				continue
			}
		}
		if isBreak(r) {
			words(runStart, i)
			flush()
			runStart = i + n
		}
		i += n
	}
	words(runStart, len(text))
	flush()
	return chunks
}

// refineTokens repairs tokens the segmenter cut across a word boundary, so
// that the words on either side can be candidates. First runs of badly cut
// tokens are cut anew (recut: 峰/会上 → 峰会/上); then a token the
// dictionary lacks is split where a function character stands at its edge
// next to a dictionary word, or two characters the second of which is a
// function word (税时 in 所得/税时: 税 + 时, so 所得税), or after a first
// character that completes a word with the lone character before it
// (orphanCut). Nil dict: tokens as they are.
func refineTokens(toks []zhToken, dict *cedict.Dict) []zhToken {
	if dict == nil {
		return toks
	}
	toks = recut(toks, dict)
	var out []zhToken
	for k, t := range toks {
		cut := 0
		if !headEndsName(toks, k, dict) {
			cut = refineCut(t, dict) // not 服贸会, 上交所, 博会 (of 进/博会): names
		}
		if cut == 0 && k > 0 {
			cut = orphanCut(toks[k-1], t, dict)
		}
		if cut == 0 {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]zhToken, 0, len(toks)+1), toks[:k]...)
		}
		out = append(out, zhToken{text: t.text[:cut], start: t.start, end: t.start + cut},
			zhToken{text: t.text[cut:], start: t.start + cut, end: t.end})
	}
	if out == nil {
		out = toks
	}
	return joinNameHeads(out, dict)
}

// zhHeadFunction are the function characters that also end names: 会 is
// the modal "will" (他们会继续合作) and a meeting, fair or association
// (进博会, 服贸会), 所 introduces a relative clause (他们所做的) and is an
// exchange or institute (上交所), 者 is a suffix of agents (参展者). Of the
// name heads in zhNameHeadChars only 所 and 者 are function words.
// Simplified forms.
var zhHeadFunction = setOf(`会 所 者`)

// Function words after a name ending in a head character: any function
// word after a short name (进博会将于…, 进博会期间) but a modal's adverbs
// and prepositions (zhAfterAbbrev: 中俄会继续, 中俄会向); only particles
// and localisers after a word and a head (zhAfterWord: 服贸会期间, not
// 美国会在夏季加息).
var (
	zhAfterAbbrev = setOf(`的 上 中 期间 前 后 时 里 内 和 与 及 或 等 在 于 将 由 以来 之间 方面 以上 以下 已 已经 是 为 也 都`)
	zhAfterWord   = setOf(`的 上 中 期间 前 后 时 里 内 等 以来 之间 方面 将`)
)

// Kinds of the piece before a head character (see headBefore).
const (
	notName      = iota // a function word, a name itself (金管局会), an ordinal (第六届会): the head is a function word
	wordBefore          // a dictionary word (服贸会, 美国会): the head is a name's only when a noun's context follows
	abbrevBefore        // a lone character or a piece the dictionary lacks (进博会, 进/博会): a short name
)

// headBefore classifies the piece before a head character: a lone Han
// character that is neither a function word nor a head of names itself, or
// a Han piece the dictionary lacks that does not end in a function
// character or a head of names, is part of an abbreviated name
// (abbrevBefore); another such Han word of two or more characters is
// wordBefore.
func headBefore(piece string, dict *cedict.Dict) int {
	simp := norm.Simplify(piece)
	n := utf8.RuneCountInString(simp)
	if n == 0 || !recuttable(zhToken{text: simp}) || zhFunction[simp] || strings.HasPrefix(simp, "第") {
		return notName
	}
	last, _ := utf8.DecodeLastRuneInString(simp)
	if zhNameHeadChars[string(last)] || zhHeadFunction[string(last)] || n > 1 && zhFunction[string(last)] {
		return notName
	}
	if n == 1 || !dict.Has(piece) {
		return abbrevBefore
	}
	return wordBefore
}

// headEndsName reports whether the head character ending toks[k] (alone,
// after toks[k-1], or at the end of a longer token) ends a name rather than
// being a function word, by what stands before it (headBefore) and what
// follows: the end of the chunk or a function word that follows names
// (zhAfterAbbrev after a short name, zhAfterWord after a word: 服贸会期间,
// not 企业会更加重视 nor 前景会受制于), or after a short name any word but
// a function word (进博会吸引了…), a modal after an abbreviated subject
// being rare.
func headEndsName(toks []zhToken, k int, dict *cedict.Dict) bool {
	t := toks[k]
	if t.group != 0 || !isHan(t.text) {
		return false
	}
	last, n := utf8.DecodeLastRuneInString(t.text)
	if !zhHeadFunction[norm.Simplify(string(last))] {
		return false
	}
	before := t.text[:len(t.text)-n]
	if before == "" {
		if k == 0 || toks[k-1].end != t.start || toks[k-1].group != 0 {
			return false
		}
		before = toks[k-1].text
	} else if dict.Has(t.text) {
		return false // a word: 协会, 委员会, 不会
	}
	kind := headBefore(before, dict)
	if kind == notName {
		return false
	}
	if k+1 == len(toks) {
		return true
	}
	next := norm.Simplify(toks[k+1].text)
	switch {
	case zhFunction[next] && kind == abbrevBefore:
		return zhAfterAbbrev[next]
	case kind == abbrevBefore:
		return !zhFunction[next] || zhAfterAbbrev[next]
	}
	return zhAfterWord[next]
}

// joinNameHeads joins a name ending in a head character (zhHeadFunction;
// see headEndsName) into one token when the segmenter or refineTokens left
// it in pieces: the head, alone (进博/会) or at the end of a piece the
// dictionary lacks (进/博会), takes in the adjacent pieces before it that
// are part of an abbreviated name (进/博/会 → 进博会), so that a short name
// is one token and one key however it was cut.
func joinNameHeads(toks []zhToken, dict *cedict.Dict) []zhToken {
	var out []zhToken
	for k := 0; k < len(toks); k++ {
		from := k
		if headEndsName(toks, k, dict) {
			if utf8.RuneCountInString(toks[k].text) == 1 {
				from-- // the head alone: the piece before is part of the name
			}
			for from > 0 && toks[from-1].end == toks[from].start && toks[from-1].group == 0 &&
				headBefore(toks[from-1].text, dict) == abbrevBefore && utf8.RuneCountInString(toks[from-1].text) == 1 {
				from--
			}
		}
		if from == k {
			if out != nil {
				out = append(out, toks[k])
			}
			continue
		}
		if out == nil {
			out = append(make([]zhToken, 0, len(toks)), toks[:from]...)
		} else {
			out = out[:len(out)-(k-from)]
		}
		out = append(out, zhToken{text: joinTexts(toks[from : k+1]), start: toks[from].start, end: toks[k].end})
	}
	if out == nil {
		return toks
	}
	return out
}

// joinTexts returns the texts of toks joined.
func joinTexts(toks []zhToken) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	return b.String()
}

// maxRecutWord is the longest dictionary word (in runes) recut considers
// beyond the segmenter's own tokens, which it may keep at any length
// (中华人民共和国).
const maxRecutWord = 6

// recut re-segments runs of adjacent Chinese tokens that the segmenter cut
// across word boundaries: a run's cost (runCost) counts its lone
// characters that are no function words and its tokens the dictionary
// lacks (峰/会上), and when the cut of least cost into dictionary words and
// the segmenter's own tokens (cheapestCut: 峰会/上) is strictly cheaper, it
// replaces the run. A name the dictionary lacks (托卡耶夫) costs less whole
// than in single characters and stays, and so does a run of dictionary
// words and compounds of them (对外开放/基本国策).
func recut(toks []zhToken, dict *cedict.Dict) []zhToken {
	var out []zhToken
	for i := 0; i < len(toks); {
		j := i + 1
		if recuttable(toks[i]) {
			for j < len(toks) && toks[j].start == toks[j-1].end && recuttable(toks[j]) {
				j++
			}
		}
		run := toks[i:j]
		if better := recutRun(run, dict); better != nil {
			if out == nil {
				out = append(make([]zhToken, 0, len(toks)+4), toks[:i]...)
			}
			out = append(out, better...)
		} else if out != nil {
			out = append(out, run...)
		}
		i = j
	}
	if out == nil {
		return toks
	}
	return out
}

// recuttable reports whether recut may re-segment t: a word of Han
// characters.
func recuttable(t zhToken) bool {
	if t.group != 0 || t.text == "" {
		return false
	}
	for _, r := range t.text {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// recutRun returns the cheaper cut of a run of tokens (see recut), or nil
// when the segmenter's cut is as good.
func recutRun(run []zhToken, dict *cedict.Dict) []zhToken {
	cost := runCost(run, dict)
	if cost == 0 || cost == 1 && len(run) == 1 {
		return nil // one word the dictionary lacks: a name
	}
	start := run[0].start
	var b strings.Builder
	for _, t := range run {
		b.WriteString(t.text)
	}
	text := b.String()
	own := make(map[[2]int]bool, len(run)) // the segmenter's tokens, as byte spans of text
	for _, t := range run {
		own[[2]int{t.start - start, t.end - start}] = true
	}
	cut, c := cheapestCut(text, own, dict)
	if c >= cost {
		return nil
	}
	out := make([]zhToken, len(cut))
	for i, span := range cut {
		out[i] = zhToken{text: text[span[0]:span[1]], start: start + span[0], end: start + span[1]}
	}
	return out
}

// runCost is the cost of the segmenter's cut of a run: the sum of
// pieceCost over its tokens.
func runCost(run []zhToken, dict *cedict.Dict) int {
	cost := 0
	for _, t := range run {
		cost += pieceCost(t.text, dict)
	}
	return cost
}

// pieceCost is what one piece of a cut costs: 0 for a dictionary word, a
// lone function character (的, 上, 以: a word), a compound of dictionary
// words that the dictionary lacks as a whole (对外开放, 基本国策: a
// segmenter's compound is no bad cut) or such a word and a head character
// (服贸会: isHeadCompound), 1 for any other lone character or
// piece the dictionary lacks.
func pieceCost(s string, dict *cedict.Dict) int {
	if utf8.RuneCountInString(s) == 1 {
		if zhFunction[norm.Simplify(s)] {
			return 0
		}
		return 1
	}
	if dict.Has(s) || isCompound(s, dict) || isHeadCompound(s, dict) {
		return 0
	}
	return 1
}

// isHeadCompound reports whether s is a word or compound of two or more
// characters and a head character that is also a function word
// (zhHeadFunction): a name (服贸会, 上交所) that recut does not cut.
func isHeadCompound(s string, dict *cedict.Dict) bool {
	last, n := utf8.DecodeLastRuneInString(s)
	rest := s[:len(s)-n]
	if !zhHeadFunction[norm.Simplify(string(last))] || utf8.RuneCountInString(rest) < 2 {
		return false
	}
	return dict.Has(rest) || isCompound(rest, dict)
}

// isCompound reports whether s is made of dictionary words of two to
// maxRecutWord characters: 对外开放 (对外 开放), 基本国策 (基本 国策).
func isCompound(s string, dict *cedict.Dict) bool {
	at := runeOffsets(s)
	n := len(at) - 1
	ok := make([]bool, n+1) // ok[k]: the first k runes are such words
	ok[0] = true
	for k := 2; k <= n; k++ {
		for w := 2; w <= maxRecutWord && w <= k && !ok[k]; w++ {
			ok[k] = ok[k-w] && dict.Has(s[at[k-w]:at[k]])
		}
	}
	return ok[n]
}

// runeOffsets returns the byte offsets of the runes of s, and len(s).
func runeOffsets(s string) []int {
	at := make([]int, 0, len(s)/3+1)
	for i := range s {
		at = append(at, i)
	}
	return append(at, len(s))
}

// cheapestCut returns the cut of text of least total pieceCost (as byte
// spans) and its cost. Pieces are single characters, dictionary words of
// up to maxRecutWord characters, and the segmenter's own tokens (own, by
// byte span) at any length: 年率, which the dictionary lacks, is not cut
// into 年 率 for nothing, nor 中华人民共和国 into 中华 人民 共和国. Ties go
// to the cut that keeps more of the segmenter's tokens, then to fewer
// pieces: the rest of the run stays as it was (一带/一路).
func cheapestCut(text string, own map[[2]int]bool, dict *cedict.Dict) ([][2]int, int) {
	at := runeOffsets(text)
	n := len(at) - 1
	type cell struct{ cost, changed, pieces, from int }
	best := make([]cell, n+1)
	consider := func(from, k int) {
		span := [2]int{at[from], at[k]}
		piece := text[span[0]:span[1]]
		if k-from > 1 && !own[span] && !dict.Has(piece) {
			return
		}
		c := best[from].cost + pieceCost(piece, dict)
		ch := best[from].changed
		if !own[span] {
			ch++
		}
		p := best[from].pieces + 1
		b := &best[k]
		if c < b.cost || c == b.cost && (ch < b.changed || ch == b.changed && p < b.pieces) {
			*b = cell{cost: c, changed: ch, pieces: p, from: from}
		}
	}
	for k := 1; k <= n; k++ {
		best[k] = cell{cost: 1 << 30}
		for w := 1; w <= maxRecutWord && w <= k; w++ {
			consider(k-w, k)
		}
		for from := k - maxRecutWord - 1; from >= 0; from-- {
			if own[[2]int{at[from], at[k]}] {
				consider(from, k)
			}
		}
	}
	cut := make([][2]int, best[n].pieces)
	for k, i := n, len(cut)-1; k > 0; k, i = best[k].from, i-1 {
		cut[i] = [2]int{at[best[k].from], at[k]}
	}
	return cut, best[n].cost
}

// orphanCut returns the byte offset at which refineTokens splits t when
// the token before it is a lone character that forms a dictionary word
// with t's first character, and the rest of t is a dictionary word too
// (英国/脱/欧公投: 脱欧 and 公投, so 英国脱欧 is a candidate), or 0.
func orphanCut(prev, t zhToken, dict *cedict.Dict) int {
	if prev.group != 0 || t.group != 0 || utf8.RuneCountInString(prev.text) != 1 || utf8.RuneCountInString(t.text) < 3 ||
		!isHan(prev.text) || prev.end != t.start || dict.Has(t.text) {
		return 0
	}
	_, first := utf8.DecodeRuneInString(t.text)
	if dict.Has(prev.text+t.text[:first]) && dict.Has(t.text[first:]) {
		return first
	}
	return 0
}

// refineCut returns the byte offset at which refineTokens splits t, or 0.
func refineCut(t zhToken, dict *cedict.Dict) int {
	n := utf8.RuneCountInString(t.text)
	if t.group != 0 || n < 2 || n > 4 || !isHan(t.text) || dict.Has(t.text) {
		return 0
	}
	_, first := utf8.DecodeRuneInString(t.text)
	last, lastLen := utf8.DecodeLastRuneInString(t.text)
	switch {
	case n == 2:
		if zhFunction[norm.Simplify(string(last))] {
			return first
		}
	case dict.Has(t.text[first:]) && zhEdgeChar(t.text[:first]):
		return first
	case dict.Has(t.text[:len(t.text)-lastLen]) && zhEdgeChar(t.text[len(t.text)-lastLen:]):
		return len(t.text) - lastLen
	}
	return 0
}

// isWordRune reports whether r is a letter or digit: a token without one
// is punctuation.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// groupCloser returns the closing bracket of an opening one and the longest
// group (in runes) kept as one token.
func groupCloser(r rune) (rune, int) {
	switch r {
	case '《':
		return '》', 40
	case '“':
		return '”', 16
	case '「':
		return '」', 16
	case '『':
		return '』', 16
	case '（':
		return '）', 12
	case '(':
		return ')', 12
	}
	return 0, 0
}

// groupEnd finds the closer of a group whose content starts at i: the byte
// offset of the closer, or -1 when it is too far, absent, or the content
// holds sentence punctuation or another opener.
func groupEnd(text string, i int, closer rune, max int) int {
	n := 0
	for j, r := range text[i:] {
		if r == closer {
			if n == 0 {
				return -1
			}
			return i + j
		}
		n++
		stop := "。！？；：，、?!;\n《“「『（("
		if closer == '》' {
			stop = "。！？；：?!;\n《" // titles hold brackets and quotes: 《外商投资法（草案）》
		}
		if n > max || strings.ContainsRune(stop, r) {
			return -1
		}
	}
	return -1
}

// isBreak reports whether r ends a Chinese chunk: punctuation, symbols and
// line breaks, but not the spaces, dots and hyphens inside Latin names.
func isBreak(r rune) bool {
	switch r {
	case ' ', '\u3000', '-', '.', '·', '&', '\'', '+':
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
}

// zhCandidates appends the candidate occurrences of one chunk.
// base is the index of the chunk's first token among the unit's tokens.
func zhCandidates(out []cand, text string, toks []zhToken, base int) []cand {
	keys := make([]string, len(toks))
	simp := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = norm.Fold(t.text)
		simp[i] = norm.Simplify(keys[i])
		if t.key != "" {
			keys[i] = t.key
		}
	}
	for i := range toks {
		if !zhCanStart(toks, simp, i) {
			continue
		}
		weight := 0
		for j := i; j < len(toks) && j < i+maxZHRaw; j++ {
			if j > i && isZHNumber(toks[j].text) && (j+1 == len(toks) || !zhNumberUnit[simp[j+1]]) {
				break // 签署13个合作 is no term; 第2号 and 2016年 are fine
			}
			if weight += zhWeight(toks, simp, j); weight > maxZHTokens {
				break
			}
			if j > i && zhClause[simp[j]] {
				break // 人类命运共同体是世界… is a clause, not a term
			}
			if !zhCanEnd(toks, simp, i, j) {
				continue
			}
			out = append(out, cand{key: strings.Join(keys[i:j+1], zhSep), surface: text[toks[i].start:toks[j].end], a: base + i, b: base + j})
		}
	}
	return out
}

func zhCanStart(toks []zhToken, simp []string, i int) bool {
	t := toks[i]
	switch {
	case t.group == '（' || t.group == '(':
		return false
	case zhFunction[simp[i]]:
		return false
	case strings.ContainsRune("万萬亿億", []rune(t.text)[0]):
		return false // a magnitude (亿元, 万吨) opens no term
	case isZHNumber(t.text):
		// A year opens official names: 2021年数据安全法; a
		// Chinese numeral opens set phrases: 三股势力, 两岸关系.
		if i+1 < len(toks) && !isArabic(t.text) && !zhFunction[simp[i+1]] && !isZHNumber(toks[i+1].text) {
			return true
		}
		return i+2 < len(toks) && simp[i+1] == "年"
	}
	return true
}

func zhCanEnd(toks []zhToken, simp []string, i, j int) bool {
	t := toks[j]
	if zhFunction[simp[j]] || isZHNumber(t.text) || isOrdinal(t.text) {
		return false // nor an ordinal without its noun: 出席第二
	}
	if isZHNumber(toks[i].text) && (isArabic(toks[i].text) && j < i+2 || j == i) {
		return false
	}
	if i == j && t.group == 0 {
		// A single word: at least two characters, or a Latin acronym.
		n := utf8.RuneCountInString(t.text)
		if n < 2 {
			return false
		}
		if isLatin(t.text) && !isAcronym(t.text) {
			return false
		}
	}
	if i == j && (t.group == '（' || t.group == '(' || t.key != "") {
		return false // a quotation alone is counted as the words it quotes
	}
	return true
}

// isOrdinal reports whether a token is 第 and a number alone (第二, 第3).
func isOrdinal(s string) bool {
	rest, ok := strings.CutPrefix(s, "第")
	return ok && isZHNumber(rest)
}

// isArabic reports whether s holds an Arabic digit.
func isArabic(s string) bool {
	return strings.ContainsAny(s, "0123456789０１２３４５６７８９")
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 {
			return false
		}
	}
	return true
}

// isAcronym reports whether s is a Latin acronym: a capital and at least
// one more capital or digit, all capitals or digits (SCO, CIIE, G20).
func isAcronym(s string) bool {
	upper, digits := 0, 0
	for i, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			upper++
		case '0' <= r && r <= '9' && i > 0:
			digits++
		default:
			return false
		}
	}
	return upper >= 2 || upper == 1 && digits > 0
}

// enWord is one English token with its key (word keys joined by spaces)
// and lower-cased text for the function-word tests.
type enWord struct {
	norm.Token
	key    string
	lower  string
	depth  int    // unclosed '(' before the token in its chunk
	gap    string // markers between this token and the next: "," "(" ")" "&"
	money  bool   // followed by "$"
	amount bool   // part of an amount (see isAmountWord)
}

// enChunks cuts English text into chunks of words between punctuation that
// no term crosses (sentence punctuation, colons, quotes, slashes). Commas,
// '&' and parentheses stay inside chunks as markers.
func enChunks(text string) [][]enWord {
	toks := norm.EnglishTokens(text)
	var chunks [][]enWord
	var cur []enWord
	depth := 0
	for k, t := range toks {
		w := enWord{Token: t, lower: strings.ToLower(t.Text), depth: depth}
		if k > 0 {
			w.amount = isAmountWord(w.lower, strings.ToLower(toks[k-1].Text))
		} else {
			w.amount = isAmountWord(w.lower, "")
		}
		w.key = strings.Join(norm.WordKeys(t.Text), " ")
		if w.key == "" {
			w.key = w.lower
		}
		end := len(text)
		if k+1 < len(toks) {
			end = toks[k+1].Start
		}
		gap := text[t.End:end]
		if isSerialMark(t.Text) && strings.HasPrefix(gap, ".") && k+1 < len(toks) && isNumberWord(toks[k+1].Text) {
			gap = gap[1:] // "No. 2": the dot of an abbreviation
		}
		breaks := false
		var markers []string
		for _, r := range gap {
			switch {
			case r == ',':
				markers = append(markers, ",")
			case r == '&':
				markers = append(markers, "&")
			case r == '(':
				markers = append(markers, "(")
				depth++
			case r == ')':
				markers = append(markers, ")")
				depth--
			case unicode.IsSpace(r) && r != '\n':
			default:
				breaks = true
			}
		}
		if depth < 0 {
			breaks = true
		}
		w.gap = strings.Join(markers, " ")
		if strings.HasPrefix(gap, "$") {
			w.money = true // HK$, US$: a currency sign, not a word
		}
		cur = append(cur, w)
		if breaks || k+1 == len(toks) {
			chunks = append(chunks, cur)
			cur = nil
			depth = 0
		}
	}
	return chunks
}

// enCandidates appends the candidate occurrences of one English chunk.
// base is the index of the chunk's first word among the unit's words.
func enCandidates(out []cand, text string, ws []enWord, base int) []cand {
	var key strings.Builder
	for i := range ws {
		if !enCanEdge(ws[i], true) || i > 0 && inName(ws[i-1], ws[i]) {
			continue
		}
		startsInName := i > 1 && nameAcross(ws[i-2], ws[i-1], ws[i])
		key.Reset()
		commas, conj := 0, 0
		for j := i; j < len(ws) && j < i+maxENWords; j++ {
			w := ws[j]
			if j > i {
				if ws[j-1].gap != "" {
					key.WriteString(" " + ws[j-1].gap)
				}
				key.WriteByte(' ')
				if w.depth < ws[i].depth {
					break
				}
				if !serialPart(ws, j) && (enFunction[w.lower] && !enInnerOK[w.lower] || isNumberWord(w.lower) && !isYear(w.lower) || w.amount) {
					break
				}
				if w.lower == "the" && ws[j-1].lower == "in" {
					break // "in the world", "in the region": context, not a name
				}
				if (w.lower == "and" || w.lower == "or") && conj > 0 && commas == 0 {
					break // "machinery and electronics and textiles" is two phrases
				}
			}
			if w.lower == "and" || w.lower == "or" {
				conj++
			}
			key.WriteString(w.key)
			if j > i && strings.Contains(ws[j-1].gap, ",") {
				commas++
			}
			if j > i && endsNoTerm(w) {
				continue // single past forms stay for the word lexicon (see score)
			}
			if !enCanEdge(w, false) || w.depth != ws[i].depth {
				continue
			}
			if !validCommas(ws[i:j+1], commas) {
				continue
			}
			if j+1 < len(ws) && inName(w, ws[j+1]) {
				continue
			}
			fragment := startsInName || j+2 < len(ws) && nameAcross(w, ws[j+1], ws[j+2])
			if fragment && j > i {
				continue
			}
			out = append(out, cand{key: key.String(), surface: text[ws[i].Start:w.End], a: base + i, b: base + j, fragment: fragment,
				nameEnd: isCapitalised(w.Text)})
		}
	}
	return out
}

// inName reports whether a and b, adjacent words, are both capitalised
// with nothing between them: the inside of a name, where no candidate
// starts or ends ("Cooperation Organization", "Asian Infrastructure
// Investment" are fragments).
func inName(a, b enWord) bool {
	if isPossessive(a.lower) {
		return false // "China’s Foreign Ministry": a name starts after the owner
	}
	return a.gap == "" && isCapitalised(a.Text) && isCapitalised(b.Text) && !enFunction[a.lower] && !enFunction[b.lower]
}

// nameAcross reports whether a, f and b, adjacent words, are a name joined
// by a lower-case "and", "of" or "for": "Belt and Road Initiative", "Bank
// for International Settlements", where "Belt" and "Road Initiative" are
// fragments.
func nameAcross(a, f, b enWord) bool {
	switch f.Text {
	case "and", "of", "for":
	default:
		return false
	}
	return a.gap == "" && f.gap == "" && isCapitalised(a.Text) && isCapitalised(b.Text) && !enFunction[a.lower] && !enFunction[b.lower]
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// enCanEdge reports whether w may start (first) or end a candidate: not a
// function word, not a bare number (a year may end one: Cyber Security
// Summit 2016).
func enCanEdge(w enWord, first bool) bool {
	if enFunction[w.lower] || w.money || w.amount || enCalendar[w.lower] || first && !isCapitalised(w.Text) && isAdverb(w.lower) {
		return false
	}
	if isNumberWord(w.lower) {
		return !first && isYear(w.lower)
	}
	return utf8.RuneCountInString(w.Text) > 1 || unicode.IsUpper([]rune(w.Text)[0])
}

// enCalendar are months and weekdays: no term starts or ends with one
// ("US presidential election in November").
var enCalendar = setOf(`january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday`)

// enPast are irregular past forms of common verbs: "Foreign Minister made"
// and "presidential election held" run on into the clause.
var enPast = setOf(`made held took taken gave given kept left brought began begun became came went gone met
saw seen showed shown grew grown knew known rose risen fell fallen paid sold bought told found won led spent
sent built lent stood thought meant drew drawn wrote written chose chosen`)

// enLyNouns are nouns ending in -ly, which may end a term.
var enLyNouns = setOf(`supply family assembly monopoly oligopoly anomaly rally reply ally early daily weekly
monthly quarterly yearly elderly friendly costly timely orderly`)

// isAdverb reports whether a lower-case word is an -ly adverb: no term
// starts or ends with one ("highly competitive industries").
func isAdverb(word string) bool {
	if i := strings.LastIndexByte(word, '-'); i >= 0 {
		word = word[i+1:]
	}
	return len(word) >= 5 && strings.HasSuffix(word, "ly") && !enLyNouns[word]
}

// endsNoTerm reports whether a lower-case word is a past form (regular
// -ed, or irregular), an -ly adverb or a possessive: no term ends with one
// ("security measures deployed", "shared", "China actively"), while a
// capitalised one may end a name ("China Railway Group Limited",
// "United").
func endsNoTerm(w enWord) bool {
	return !isCapitalised(w.Text) && endsNoTermWord(w.lower)
}

// endsNoTermWord is endsNoTerm on a lower-case word.
func endsNoTermWord(word string) bool {
	if i := strings.LastIndexByte(word, '-'); i >= 0 {
		word = word[i+1:]
	}
	if enPast[word] || isPossessive(word) {
		return true // a possessive ("China’s") stands before its noun
	}
	if isAdverb(word) {
		return true
	}
	return isRegularPast(word)
}

// minPastLen is the shortest word read as a regular past form: "-ed" after
// at least three letters (shared, deployed), not "red", "bed" or "need".
const minPastLen = 5

// isRegularPast reports whether a lower-case word looks like a regular past
// form: "-ed" (not "-eed": "speed") from minPastLen letters.
func isRegularPast(word string) bool {
	return len(word) >= minPastLen && strings.HasSuffix(word, "ed") && !strings.HasSuffix(word, "eed")
}

// isPossessive reports whether a lower-case word ends in a possessive 's.
func isPossessive(word string) bool {
	return strings.HasSuffix(word, "'s") || strings.HasSuffix(word, "’s") || strings.HasSuffix(word, "s'")
}

func isNumberWord(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return s != ""
}

// isSerialMark reports whether a word (as written) is the abbreviation
// "No." of a serial number; lower-case "no" is the determiner ("no. 2"
// across a sentence break is none).
func isSerialMark(text string) bool { return text == "No" || text == "No." }

// serialPart reports whether ws[j] is part of a serial number, "No." before
// a number or the number after it: "(No. 2) Ordinance" holds both.
func serialPart(ws []enWord, j int) bool {
	if isSerialMark(ws[j].Text) {
		return j+1 < len(ws) && isNumberWord(ws[j+1].lower)
	}
	return j > 0 && isNumberWord(ws[j].lower) && isSerialMark(ws[j-1].Text)
}

// enScale are the number words of amounts.
var enScale = setOf(`billion million trillion thousand hundred bn mn`)

// enCurrency are the currency codes written before a number (RMB18).
var enCurrency = setOf(`rmb usd hkd cny eur gbp jpy us hk`)

// enNumeral are the spelled-out numbers before a scale word ("two
// hundred", "several thousand").
var enNumeral = setOf(`one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
forty fifty sixty seventy eighty ninety several few`)

// isAmountWord reports whether a lower-case word, after the lower-case word
// prev ("" at the start), is part of an amount: a currency code joined to
// a number ("rmb18"), or a number scale after a number ("18 billion",
// "rmb18 billion", "two hundred"); no term holds one. A scale word
// elsewhere is a word like any other ("Thousand Talents Plan").
func isAmountWord(s, prev string) bool {
	if enScale[s] {
		return isNumberWord(prev) || isCurrencyNumber(prev) || enNumeral[prev]
	}
	return isCurrencyNumber(s)
}

// isCurrencyNumber reports whether a lower-case word is a currency code
// joined to a number: "rmb18", "usd5".
func isCurrencyNumber(s string) bool {
	i := strings.IndexFunc(s, unicode.IsDigit)
	return i > 0 && enCurrency[s[:i]] && isNumberWord(s[i:])
}

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
}

// validCommas allows commas inside a candidate only in a coordination: "A,
// B and C" with short items and the "and"/"or" after the last comma.
func validCommas(ws []enWord, commas int) bool {
	if commas == 0 {
		return true
	}
	last := -1
	for k := 0; k+1 < len(ws); k++ {
		if strings.Contains(ws[k].gap, ",") {
			last = k
		}
	}
	for _, w := range ws[last+1:] {
		if w.lower == "and" || w.lower == "or" {
			return true
		}
	}
	return false
}

// zhEdgeChar reports whether a character split off a token by refineCut
// can stand alone: a function word, or a character the dictionary knows
// as a word by itself.
func zhEdgeChar(c string) bool {
	return zhFunction[norm.Simplify(c)]
}
