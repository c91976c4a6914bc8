package corpus

import (
	"strings"
	"unicode/utf8"
)

// SplitChinese splits one paragraph of Chinese text into sentences with
// their kinds (see splitParagraph). Offsets are relative to text and
// Text == text[Start:End].
//
// A sentence ends at 。！？!? (and ｡, ．, a full stop between hanzi), taking
// along any further end marks and the closing quotes and brackets that follow
// ("。”" and "？）" end with their closer, also across a stray space). It
// does not end inside a matched 《…》, 〈…〉 or parentheses, at a decimal
// point or in a URL, before a comma, or before a closing photo credit in
// brackets (。（法新社）). An ellipsis (…… ⋯ ...) ends a sentence only before
// an end mark or a quote; in news it mostly cuts a list short. Quoted speech
// of several sentences is split like other text. ；;：: only cut clauses
// (Sentence.Clauses), never sentences: a Xinhua sentence often runs through
// several ；.
func SplitChinese(text string) []Sentence {
	return splitParagraph(text, Chinese, "")
}

// zhEnds returns the offsets in s where sentences end (exclusive), in order;
// the end of s is not included.
func zhEnds(s string) []int {
	protected := matchedPairs(s)
	var ends []int
	for i := 0; ; {
		m, ok := nextEndMark(s, i, protected, zhMark)
		if !ok {
			break
		}
		j := skipClosers(s, m.after)
		if j >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[skipSpaces(s, j):])
		switch {
		case strings.ContainsRune("，、,；;：:", next):
			// An ellipsis or a stray mark inside a clause.
		case trailingCredit(s[j:]):
		default:
			ends = append(ends, j)
		}
		i = j
	}
	return ends
}

// zhMark reports whether the rune r at s[i] is a sentence end mark in
// Chinese text.
func zhMark(s string, i int, r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '｡':
		return true
	case '．', '.':
		return zhFullStop(s, i, utf8.RuneLen(r))
	case '…', '⋯':
		return ellipsisEnds(s, i)
	}
	return false
}

// endMark is a run of sentence end marks: s[at:after].
type endMark struct {
	at, after int
	first     rune
}

// nextEndMark finds the next run of end marks at or after offset i of s
// whose first mark isMark accepts, outside matched brackets.
func nextEndMark(s string, i int, protected pairs, isMark func(s string, i int, r rune) bool) (endMark, bool) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isMark(s, i, r) {
			i += size
			continue
		}
		j := skipEnders(s, i)
		if protected.inside(i) {
			i = j
			continue
		}
		return endMark{at: i, after: j, first: r}, true
	}
	return endMark{}, false
}

// ellipsisEnds reports whether the ellipsis at s[i] ends a sentence: only
// when an end mark, a closing quote or bracket, or an opening quote follows
// it (……。 ……” ……“).
// In news an ellipsis mostly cuts a list short inside a sentence
// (飞鸟、绿树、栈道、碧水……范仲淹笔下…), and Chinese–English news corpora keep
// such sentences whole.
func ellipsisEnds(s string, i int) bool {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r != '…' && r != '⋯' && r != '.' && !(r == ' ' && strings.HasPrefix(s[j+1:], ".")) {
			break
		}
		j += size
	}
	if j >= len(s) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	return strings.ContainsRune("。！？!?“「『"+closers, next)
}

// zhFullStop reports whether the full stop at s[i] ends a sentence in
// Chinese text: after a hanzi, a closer or a percent sign and not before a
// digit or letter ("3.5", "www.xinhua.net" and "U.S." are not ends); "..." is
// an ellipsis.
func zhFullStop(s string, i, size int) bool {
	if strings.HasPrefix(s[i:], "...") {
		return ellipsisEnds(s, i)
	}
	if i > 0 && strings.HasPrefix(s[i-1:], "..") {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	if isDigit(next) || isLatin(next) {
		return false
	}
	return isHan(prev) || strings.ContainsRune("”’」』）)》】%％", prev)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isLatin(r rune) bool {
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z') || r >= 'Ａ' && r <= 'ｚ'
}

// skipEnders returns the offset after the run of end marks starting at i.
func skipEnders(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("。！？!?｡．.…⋯", r) {
			break
		}
		i += size
	}
	return i
}

// closers are the closing quotes and brackets that stay with the sentence
// they follow.
const closers = "”’」』）)》】〕］]\"'»›"

// closingQuotes are the closers that end quoted speech.
const closingQuotes = "”’」』\"'»›"

// skipClosers returns the offset after the closing quotes and brackets at
// i. A straight quote counts as a closer only where it is followed by white
// space, punctuation or the end. A curly closing quote, or any quote standing
// alone between spaces, also closes across white space ("。 ”" and ". “ " in
// scraped text).
func skipClosers(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			k := skipSpaces(s, i)
			if k < len(s) && detachedCloser(s, k) {
				_, size := utf8.DecodeRuneInString(s[k:])
				i = k + size
				continue
			}
			break
		}
		if !strings.ContainsRune(closers, r) {
			break
		}
		if r == '"' || r == '\'' {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if i+size < len(s) && !isSpace(next) && !strings.ContainsRune(closers+"，,。.", next) && !isHan(next) {
				break
			}
		}
		i += size
	}
	return i
}

// detachedCloser reports whether the rune at s[k], which follows white space,
// closes the sentence before it: a curly closing quote ” 」 』, or any quote
// mark that stands alone before white space or the end.
func detachedCloser(s string, k int) bool {
	r, size := utf8.DecodeRuneInString(s[k:])
	if strings.ContainsRune("”」』", r) {
		return true
	}
	if !strings.ContainsRune("\"“”'‘’", r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[k+size:])
	return k+size >= len(s) || isSpace(next)
}

// skipSpaces returns the offset of the first non-space rune at or after i.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// maxCreditRunes bounds the trailing parenthesised credit that stays with
// the caption before it: 。（法新社） or . (Xinhua/Li Tao).
const maxCreditRunes = 40

// trailingCredit reports whether s (what follows a sentence end) is only a
// parenthesised credit that closes the paragraph.
func trailingCredit(s string) bool {
	if len(s) > 4*maxCreditRunes+16 {
		return false // too long for a credit, without looking at it
	}
	t := strings.TrimFunc(s, isSpace)
	if t == "" || utf8.RuneCountInString(t) > maxCreditRunes {
		return false
	}
	open, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if !(open == '(' || open == '（') || !(last == ')' || last == '）') {
		return false
	}
	inner := t[utf8.RuneLen(open) : len(t)-utf8.RuneLen(last)]
	return !strings.ContainsAny(inner, "()（）。.!?！？") || isCreditText(inner)
}

// pairs holds the byte ranges of matched brackets, from the opening mark
// to the closing one; no sentence ends inside them.
type pairs [][2]int

func (p pairs) inside(i int) bool {
	for _, r := range p {
		if i > r[0] && i < r[1] {
			return true
		}
	}
	return false
}

// maxProtected bounds how long a bracketed stretch may be and still keep
// sentence ends inside it from counting: a title or a parenthesis, not a
// stray bracket that never closes.
const maxProtected = 600

// matchedPairs finds matched 《》 〈〉 and round brackets in s. Quotation
// marks are not among them: quoted speech of several sentences is split
// like any other text (the closing quote stays with the last one).
func matchedPairs(s string) pairs {
	if strings.IndexByte(s, '(') < 0 && !strings.Contains(s, "（") && !strings.Contains(s, "《") && !strings.Contains(s, "〈") {
		return nil
	}
	var out pairs
	type open struct {
		r  rune
		at int
	}
	var stack []open
	for i, r := range s {
		switch r {
		case '《', '〈', '（', '(':
			stack = append(stack, open{r, i})
		case '》', '〉', '）', ')':
			for k := len(stack) - 1; k >= 0; k-- {
				if opens(stack[k].r, r) {
					if i-stack[k].at <= maxProtected {
						out = append(out, [2]int{stack[k].at, i})
					}
					stack = stack[:k]
					break
				}
			}
		}
	}
	return out
}

// opens reports whether open is the opening mark of close; full-width and
// ASCII round brackets match each other.
func opens(open, close rune) bool {
	switch close {
	case '》':
		return open == '《'
	case '〉':
		return open == '〈'
	default:
		return open == '（' || open == '('
	}
}
