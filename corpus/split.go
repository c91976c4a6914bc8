package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// splitParagraph splits one paragraph into typed sentences. Offsets are
// relative to text. preset is the kind markup gave the whole paragraph
// (Caption for a figcaption, Title for a heading) or "".
//
// Kinds, in order of precedence:
//   - Metadata: bylines, editors, sources and timestamps (发布时间:… |
//     来源:新华网 | 责任编辑:…, Editor: …). A metadata run glued by scraping
//     to the text after it (责任编辑:曹川川当地时间6月17日上午…) is cut off
//     as a sentence of its own.
//   - Caption: photo credits (新华社记者 李涛 摄, （法新社）, (Xinhua/Li
//     Tao)) and the sentences they close: in a paragraph that ends with a
//     credit, the one or two sentences before it are the photo's caption.
//   - Title: a paragraph of one short sentence without an end mark.
//   - Body: everything else.
func splitParagraph(text string, lang Lang, preset Kind) []Sentence {
	var out []Sentence
	rest := 0
	if m := metadataPrefix(text, lang); m > 0 {
		if s, e := trimSpan(text, 0, m); e > s {
			out = append(out, Sentence{Text: text[s:e], Lang: lang, Kind: Metadata, Start: s, End: e})
		}
		rest = m
	}
	var ends []int
	if lang == Chinese {
		ends = zhEnds(text[rest:])
	} else {
		ends = enEnds(text[rest:])
	}
	from := rest
	for _, e := range append(ends, len(text)-rest) {
		s, en := trimSpan(text, from, rest+e)
		from = rest + e
		if en <= s {
			continue
		}
		out = append(out, splitGluedCredit(text, s, en, lang)...)
	}
	classify(out, lang, preset)
	for i := range out {
		if out[i].Kind != Metadata {
			out[i].Clauses = clauseSpans(out[i].Text)
		}
	}
	return out
}

// splitGluedCredit cuts a photo credit off the end of a sentence it is glued
// to without an end mark (拉赫蒙 新华社记者 李涛 摄).
func splitGluedCredit(text string, s, e int, lang Lang) []Sentence {
	if lang == Chinese && creditSuffix(text[s:e]) {
		if m := gluedCreditZH.FindStringSubmatchIndex(text[s:e]); m != nil && m[2] > 0 {
			c := s + m[2]
			bs, be := trimSpan(text, s, c)
			if be > bs {
				return []Sentence{
					{Text: text[bs:be], Lang: lang, Start: bs, End: be},
					{Text: text[c:e], Lang: lang, Start: c, End: e},
				}
			}
		}
	}
	return []Sentence{{Text: text[s:e], Lang: lang, Start: s, End: e}}
}

// classify sets the kinds of one paragraph's sentences.
func classify(sents []Sentence, lang Lang, preset Kind) {
	credit := -1
	for i := range sents {
		s := &sents[i]
		switch {
		case s.Kind == Metadata:
		case isMetadata(s.Text, lang):
			s.Kind = Metadata
		case isCredit(s.Text):
			s.Kind = Caption
			credit = i
		case endsWithCredit(s.Text):
			s.Kind = Caption
		case preset != "":
			s.Kind = preset
		default:
			s.Kind = Body
		}
	}
	// The sentences a credit closes are the photo's caption.
	if credit >= 0 {
		first := credit
		for first > 0 && sents[first-1].Kind != Metadata && credit-first < maxCaptionSentences {
			first--
		}
		if first == 0 || sents[first-1].Kind == Metadata {
			for i := first; i < credit; i++ {
				sents[i].Kind = Caption
			}
		}
	}
	if preset == "" && len(sents) == 1 && sents[0].Kind == Body && looksTitle(sents[0].Text, lang) {
		sents[0].Kind = Title
	}
}

// maxCaptionSentences is how many sentences before a photo credit in the same
// paragraph are taken as its caption; a longer paragraph is a body paragraph
// that happens to end with a credit.
const maxCaptionSentences = 2

// classifyLine gives the kind of a line of FormatLines.
func classifyLine(text string, lang Lang) Kind {
	switch {
	case isMetadata(text, lang):
		return Metadata
	case isCredit(text), endsWithCredit(text):
		return Caption
	case looksTitle(text, lang):
		return Title
	}
	return Body
}

// Title limits: a headline is short.
const (
	maxTitleRunesZH = 50
	maxTitleWordsEN = 25
)

// looksTitle reports a short line without a sentence end mark (nor a
// colon or comma that leads into more text).
func looksTitle(text string, lang Lang) bool {
	last, _ := utf8.DecodeLastRuneInString(trimClosers(text))
	if endsSentence(text) || strings.ContainsRune("：:，,、—-", last) || DetectLang(text) == "" {
		return false
	}
	if lang == Chinese {
		return utf8.RuneCountInString(text) <= maxTitleRunesZH
	}
	return len(strings.Fields(text)) <= maxTitleWordsEN
}

// trimClosers drops trailing white space, closing brackets and quote marks
// of either direction (scraped text closes quotes with “ too).
func trimClosers(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return isSpace(r) || strings.ContainsRune(closers+"“‘", r) })
}

// endsSentence reports whether s ends with a sentence end mark, possibly
// followed by closing quotes and brackets (also across spaces: ". ”").
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(trimClosers(s))
	return strings.ContainsRune("。！？!?｡．.…⋯；;", r)
}

var (
	// metaLabelZH starts a metadata line: 发布时间:…, 来源：新华网, 责任编辑:….
	metaLabelZH = regexp.MustCompile(`^[【\[（(]?\s*(?:参与记者|发布时间|发布日期|更新时间|来源|稿源|作者|责任编辑|编辑|原标题|字号|时间|日期|记者|通讯员|审核|校对|实习生|排版|值班编辑)\s*[:：]`)
	// bylineZH is a byline on its own: （记者 张三）, 新华社记者 李涛 燕雁,
	// 本报记者 王思硕, 新华社记者陈尚营、王立武. Without brackets a space or a
	// list of names must follow the role, so that 中国记者协会 is not one.
	bylineZH = regexp.MustCompile(`^(?:[（(【]\s*\p{Han}{0,6}(?:记者|通讯员|实习生)\s*[\p{Han}·]{2,4}(?:[\s、，,和与]+[\p{Han}·]{2,4})*\s*[）)】]|\p{Han}{0,6}(?:记者|通讯员|实习生)\s+[\p{Han}·]{2,4}(?:[\s、，,和与]+[\p{Han}·]{2,4})*|\p{Han}{0,6}(?:记者|通讯员)[\p{Han}·]{2,4}(?:[、，,和与][\p{Han}·]{2,4})+)$`)
	// metaEN starts an English metadata line.
	metaEN = regexp.MustCompile(`^(?i:editor|editors|web editor|copy editor|photo editor|chief editor|source|sources|author|reporter|writer|translator|updated|published|posted|release time|date|edited by|written by|reported by|translated by)\s*[:：|]`)
	// metaFieldEN is a field of a metadata line after a bar: "Xinhua | Updated: …".
	metaFieldEN = regexp.MustCompile(`\|\s*(?i:updated|source|editor|published)\s*:`)
	// bylineEN is a short byline: By Li Tao, By Xinhua writers Li Tao and Yan Yan.
	bylineEN = regexp.MustCompile(`^(?:By|Edited by|Written by|Reported by|Translated by|Compiled by)\s+(?:Xinhua writers?\s+)?\p{Lu}[\p{L}.'-]*(?:,?\s+(?:and\s+)?\p{Lu}[\p{L}.'-]*){0,11}$`)
	// metaFieldsEN counts the fields of an English metadata line:
	// "2020-07-26 05:03:17 Source: Beijing Youth Daily Author: Wang Sishuo".
	metaFieldsEN = regexp.MustCompile(`\b(?:Source|Author|Authors|Editor|Editors|Reporter|Updated|Published|Posted|Translator)\s*:`)
	// sourceNote is a bracketed attribution or byline on its own line:
	// （根据路透社报道）, (According to Reuters reports), (Journalist: Li Li).
	sourceNote = regexp.MustCompile(`^[（(]\s*(?:(?i:journalists?|reporters?|editors?|translators?|by)\b[^（）()]{1,60}|(?:根据|据|综合|编译自|来源|消息来源|(?i:according to|source|sources|compiled from|with reporting by|reporting by|based on))[^（）()]{0,60})[）)]$`)
	// creditZH is a photo or picture credit on its own: 新华社记者 李涛 摄,
	// 新华社发 商海春 作, （新华社记者 燕雁 摄）, 图片来源：视觉中国.
	creditZH = regexp.MustCompile(`^[（(]?\s*(?:(?:\p{Han}{0,8}(?:记者|通讯员|发|摄影师|摄影))\s*[\p{Han}·]{2,5}(?:\s*[、，,和与\s]\s*[\p{Han}·]{2,5})*\s*(?:摄|作|供图|摄影|制图)|(?:图片来源|图片|图源|图|摄影)\s*[:：/]\s*[^。！？]{1,24})\s*[）)]?$`)
	// gluedCreditZH finds a credit glued after caption text by white space.
	gluedCreditZH = regexp.MustCompile(`\s((?:\p{Han}{0,8}(?:记者|通讯员|发))\s*[\p{Han}·]{2,5}(?:\s*[、，,和与\s]\s*[\p{Han}·]{2,5})*\s*(?:摄|作|供图))$`)
	// creditEN is a credit in brackets: (Xinhua/Li Tao), (AFP), (Photo by …).
	creditEN = regexp.MustCompile(`[(（]\s*(?:(?:Xinhua|AFP|Reuters|AP|EPA|CNS|IC|VCG|Getty Images|China Daily|CGTN|Photo|Photos|Picture|Image)\b[^()]{0,60}|[\p{Lu}][^()/]{0,30}/[^()]{1,40})\s*[)）]$`)
	// creditLineEN is a credit line on its own: Photo: Xinhua, Photo by Li Tao.
	creditLineEN = regexp.MustCompile(`^(?:Photo|Photos|Picture|Image|Graphic)(?:\s+(?:by|courtesy of|credit)\b|\s*[:：/])\s*\S[^.!?]{0,50}$`)
	// creditBracketZH is a credit in brackets closing a caption: （法新社）,
	// （新华社发）, （路透社/…）, （视觉中国）.
	creditBracketZH = regexp.MustCompile(`[（(][^（）()。！？]{0,20}(?:社|摄|作|供图|网|报|图|中国|新闻|通讯|[A-Z]{2,})[）)]$`)
)

// creditSuffix is a cheap test that text may end with a Chinese photo
// credit, before the regular expressions run.
func creditSuffix(text string) bool {
	for _, s := range []string{"摄", "作", "供图", "制图", "摄影"} {
		if strings.HasSuffix(text, s) {
			return true
		}
	}
	return false
}

// maxCreditBytes bounds a credit or metadata line standing on its own, so
// that the regular expressions never run over long body sentences.
const maxCreditBytes = 300

// maxBylineBytes bounds a Chinese byline standing on its own.
const maxBylineBytes = 120

// isMetadata reports a byline, source or timestamp line.
func isMetadata(text string, lang Lang) bool {
	if len(text) <= maxCreditBytes && (strings.HasPrefix(text, "(") || strings.HasPrefix(text, "（")) && sourceNote.MatchString(text) {
		return true
	}
	if strings.IndexByte(text, ':') < 0 && strings.IndexByte(text, '|') < 0 && !strings.Contains(text, "：") &&
		!strings.Contains(text, "By ") && !strings.Contains(text, " by ") && !strings.Contains(text, "记者") && !strings.Contains(text, "通讯员") && !strings.Contains(text, "实习生") {
		return false
	}
	if lang == Chinese || DetectLang(text) == Chinese {
		if len(text) <= maxBylineBytes && (strings.Contains(text, "记者") || strings.Contains(text, "通讯员") || strings.Contains(text, "实习生")) &&
			bylineZH.MatchString(text) {
			return true
		}
		if metaLabelZH.MatchString(text) {
			// 记者：您怎么看？ is an interview question, not a byline.
			return strings.Contains(text, "|") || !strings.ContainsAny(text, "。？！?!")
		}
		return (strings.Count(text, "|") >= 2 || !strings.ContainsAny(text, "。？！?!")) && len(metaFields(text)) >= 2
	}
	if metaEN.MatchString(text) {
		return len(strings.Fields(text)) <= 20 || strings.Contains(text, "|")
	}
	if len(text) <= maxCreditBytes && strings.IndexByte(text, ':') >= 0 {
		if n := len(metaFieldsEN.FindAllStringIndex(text, 3)); n >= 3 || n == 2 && !endsSentence(text) {
			return true
		}
	}
	if strings.IndexByte(text, '|') >= 0 && metaFieldEN.MatchString(text) {
		return true
	}
	return bylineEN.MatchString(text)
}

// isCreditText reports whether the inside of a bracket reads as a credit.
func isCreditText(s string) bool {
	return creditEN.MatchString("(" + s + ")")
}

// isCredit reports a photo credit standing on its own.
func isCredit(text string) bool {
	if len(text) > maxCreditBytes {
		return false
	}
	bare := strings.TrimLeft(strings.TrimRight(text, "）) "), "（( ")
	if (creditSuffix(bare) || strings.HasPrefix(bare, "图") || strings.HasPrefix(bare, "摄影")) && creditZH.MatchString(text) {
		return true
	}
	if strings.HasPrefix(text, "P") || strings.HasPrefix(text, "I") || strings.HasPrefix(text, "G") {
		if creditLineEN.MatchString(text) {
			return true
		}
	}
	if trailingCredit(text) {
		return creditEN.MatchString(text) || creditBracketZH.MatchString(text)
	}
	return false
}

// endsWithCredit reports a caption that closes with its bracketed credit:
// "… June 17, 2025. (Xinhua/Li Tao)" or "…欢迎仪式。（法新社）".
func endsWithCredit(text string) bool {
	if !strings.HasSuffix(text, ")") && !strings.HasSuffix(text, "）") {
		return false
	}
	tail := text[max(0, len(text)-maxCreditTail):] // the credit patterns are anchored at the end
	return creditEN.MatchString(tail) || (creditBracketZH.MatchString(tail) && strings.ContainsAny(text, "。！？.!?"))
}

// maxCreditTail is how many bytes at the end of a sentence can hold a
// bracketed credit.
const maxCreditTail = 200

// metadataPrefix returns the length of a metadata run at the start of a
// Chinese paragraph that scraping glued to the text after it, or 0. The run
// ends where the value of its last field ends: a timestamp, a source name
// (新华网), or a name of two to four hanzi, cut before a usual opening of
// news text (当地时间, 新华社, 据, 近日, a date, …).
func metadataPrefix(text string, lang Lang) int {
	if lang != Chinese || !strings.ContainsAny(text[:min(len(text), 40)], ":：") || !metaLabelZH.MatchString(text) {
		return 0
	}
	fields := metaFields(text[:min(len(text), maxCreditBytes)])
	if len(fields) < 2 {
		return 0 // 记者：您怎么看？ is an interview, not a glued byline
	}
	last := fields[len(fields)-1]
	value := text[last[1]:]
	if !strings.ContainsAny(value, "。！？!?") && utf8.RuneCountInString(value) <= maxNameRunes+2 {
		return 0 // a metadata line on its own
	}
	label := strings.TrimRight(text[last[0]:last[1]], " \t:：\u3000")
	n := valueLength(value, label)
	if n <= 0 || n >= len(value) {
		return 0
	}
	return last[1] + n
}

// metaLabels label the fields of a Chinese metadata run; the last one's
// value may be glued to the text after it.
// Longer labels come first: 责任编辑 before 编辑.
var metaLabels = []string{"发布时间", "发布日期", "更新时间", "责任编辑", "值班编辑", "来源", "稿源", "作者", "编辑", "记者", "通讯员", "审核", "校对", "实习生"}

// metaFields returns, for each metadata label followed by a colon in text,
// the offset of the label and the offset after the colon and any spaces.
func metaFields(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		k := strings.IndexAny(text[i:], ":：")
		if k < 0 {
			break
		}
		colon := i + k
		_, size := utf8.DecodeRuneInString(text[colon:])
		before := strings.TrimRight(text[:colon], " \t\u3000")
		for _, l := range metaLabels {
			if strings.HasSuffix(before, l) {
				out = append(out, [2]int{len(before) - len(l), skipSpaces(text, colon+size)})
				break
			}
		}
		i = colon + size
	}
	return out
}

// maxNameRunes is the longest Chinese personal name taken as a metadata
// value (复姓 plus a two-character given name).
const maxNameRunes = 4

// newsOpenings start news text; a metadata value glued to one ends before it.
var newsOpenings = []string{"当地时间", "新华社", "中新社", "中新网", "人民网", "央视网", "本报", "据", "近日", "日前", "今天", "今年", "昨天", "昨日", "记者", "北京时间", "【", "（", "(", "“", "习近平", "国家主席", "国务院"}

// valueLength returns the byte length of the value of a metadata field that
// is glued to the text after it, or 0 when it cannot tell.
func valueLength(v, label string) int {
	switch label {
	case "发布时间", "发布日期", "更新时间":
		return len(v) - len(strings.TrimLeft(v, "0123456789-/:. 年月日时分秒"))
	case "来源", "稿源":
		for _, suffix := range []string{"客户端", "日报", "网", "社", "报", "台"} {
			if i := strings.Index(v, suffix); i > 0 && utf8.RuneCountInString(v[:i]) < 10 {
				return i + len(suffix)
			}
		}
	}
	// A name: stop before a usual opening of news text within the first
	// maxNameRunes+1 runes, else after three hanzi, the commonest length.
	n := 0
	for i, r := range v {
		if n >= 2 {
			for _, o := range newsOpenings {
				if strings.HasPrefix(v[i:], o) {
					return i
				}
			}
			if isDigit(r) {
				return i
			}
		}
		if n > maxNameRunes || !isHan(r) && r != '·' {
			break
		}
		n++
	}
	i, k := 0, 0
	for k < 3 && i < len(v) {
		r, size := utf8.DecodeRuneInString(v[i:])
		if !isHan(r) {
			return 0
		}
		i += size
		k++
	}
	return i
}

// clauseSpans returns the clause spans of a sentence, cut after ；;：: (but
// not in a time such as 09:06 or a URL), or nil for a single clause.
func clauseSpans(s string) []Span {
	if strings.IndexByte(s, ';') < 0 && strings.IndexByte(s, ':') < 0 && !strings.Contains(s, "；") && !strings.Contains(s, "：") {
		return nil
	}
	var spans []Span
	start := 0
	for i, r := range s {
		switch r {
		case '；', ';', '：', ':':
		default:
			continue
		}
		end := i + utf8.RuneLen(r)
		if r == ':' {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[end:])
			if isDigit(prev) && isDigit(next) || next == '/' {
				continue
			}
		}
		if cs, ce := trimSpan(s, start, end); ce > cs && strings.TrimFunc(s[end:], isSpace) != "" {
			spans = append(spans, Span{cs, ce})
			start = end
		}
	}
	if len(spans) == 0 {
		return nil
	}
	if cs, ce := trimSpan(s, start, len(s)); ce > cs {
		spans = append(spans, Span{cs, ce})
	} else {
		spans[len(spans)-1].End = len(s)
	}
	if len(spans) == 1 {
		return nil
	}
	return spans
}
