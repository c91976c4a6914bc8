package corpus

import (
	"strings"
	"unicode/utf8"
)

// SplitChinese splits one paragraph of Chinese text into sentences with
// their kinds (see splitParagraph). Offsets are relative to text and
// Text == text[Start:End].
//
// A sentence ends at 。！？!? (and ｡, ．, a full stop between hanzi) or an
// ellipsis (…… ⋯ ...), taking along any further end marks and the closing
// quotes and brackets that follow ("。”" and "？）" end with their closer).
// It does not end inside a matched 《…》, 〈…〉 or parentheses, nor at a
// decimal point, nor before a comma, nor where a closing quote is followed by
// a short speech tag (“……。”他说。 is one sentence). ；;：: only cut clauses
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
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if protected.inside(i) {
			i += size
			continue
		}
		isEnd := false
		switch r {
		case '。', '！', '？', '!', '?', '｡':
			isEnd = true
		case '．', '.':
			isEnd = zhFullStop(s, i, size)
		case '…', '⋯':
			isEnd = true
		}
		if !isEnd {
			i += size
			continue
		}
		j := skipEnders(s, i)
		closedQuote := false
		j, closedQuote = skipClosers(s, j)
		if j >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[skipSpaces(s, j):])
		switch {
		case strings.ContainsRune("，、,；;：:", next):
			// An ellipsis or a stray mark inside a clause.
		case isEllipsis(r) && (next >= 'a' && next <= 'z'):
		case closedQuote && speechTagFollows(s[j:]):
		case trailingCredit(s[j:]):
		default:
			ends = append(ends, j)
		}
		i = j
	}
	return ends
}

func isEllipsis(r rune) bool { return r == '…' || r == '⋯' || r == '.' }

// zhFullStop reports whether the full stop at s[i] ends a sentence in
// Chinese text: after a hanzi or closer and not before a digit or letter
// ("3.5", "www.xinhua.net" and "U.S." are not ends), or as an ellipsis "...".
func zhFullStop(s string, i, size int) bool {
	if strings.HasPrefix(s[i:], "...") {
		return true
	}
	if i > 0 && strings.HasPrefix(s[i-1:], "..") {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	if isDigit(next) || isLatin(next) {
		return false
	}
	return isHan(prev) || strings.ContainsRune("”’」』）)》】", prev)
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

// skipClosers returns the offset after the closing quotes and brackets at i,
// and whether one of them closed a quotation. A straight quote counts as a
// closer only where it is followed by white space, punctuation or the end.
func skipClosers(s string, i int) (int, bool) {
	quote := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(closers, r) {
			break
		}
		if r == '"' || r == '\'' {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if i+size < len(s) && !isSpace(next) && !strings.ContainsRune(closers+"，,。.", next) && !isHan(next) {
				break
			}
		}
		if strings.ContainsRune(closingQuotes, r) {
			quote = true
		}
		i += size
	}
	return i, quote
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

// speechVerbs end the short speech tags that follow a quotation.
var speechVerbs = []string{"说", "表示", "指出", "称", "道", "问", "强调", "介绍", "认为", "坦言", "笑称", "回答", "写道", "补充", "透露", "告诉记者", "感叹", "说道"}

// maxSpeechTag is the longest speech tag, in runes, that stays with the
// quotation before it (“……。”外交部发言人华春莹说。).
const maxSpeechTag = 16

// speechTagFollows reports whether s starts with a short speech tag that ends
// the sentence: 他说。 or 李明表示。
func speechTagFollows(s string) bool {
	end := strings.IndexAny(s, "。！？!?，,")
	if end < 0 {
		end = len(s)
	}
	tag := strings.TrimSpace(s[:end])
	if tag == "" || utf8.RuneCountInString(tag) > maxSpeechTag || strings.ContainsAny(tag, "“”\"「」") {
		return false
	}
	for _, v := range speechVerbs {
		if strings.HasSuffix(tag, v) {
			return true
		}
	}
	return false
}

// maxCreditRunes bounds the trailing parenthesised credit that stays with
// the caption before it: 。（法新社） or . (Xinhua/Li Tao).
const maxCreditRunes = 40

// trailingCredit reports whether s (what follows a sentence end) is only a
// parenthesised credit that closes the paragraph.
func trailingCredit(s string) bool {
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

// pairs holds the byte ranges inside matched brackets where no sentence ends.
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
const maxProtected = 400

// matchedPairs finds matched 《》, 〈〉 and round brackets in s.
func matchedPairs(s string) pairs {
	var out pairs
	var stack []struct {
		r  rune
		at int
	}
	for i, r := range s {
		switch r {
		case '《', '〈', '（', '(':
			stack = append(stack, struct {
				r  rune
				at int
			}{r, i})
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

// opens reports whether open is the opening bracket of close; full-width and
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
