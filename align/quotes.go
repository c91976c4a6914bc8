package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
)

// Dialogue is the other structure both editions of a story keep: a
// translator may re-cut the sentences of a speech, but a sentence that
// starts inside a quotation on one side starts inside one on the other.
// The quote state of each sentence (whether it starts inside a quotation
// of the side's outer quotation marks) is read by a running scan over the
// document; every quotation mark resets it, so a misread mark costs at most
// the sentences up to the next one.

// quoteStyle is a side's outer quotation marks.
type quoteStyle uint8

const (
	quoteNone   quoteStyle = iota
	quoteDouble            // "…" or “…” (Chinese: “…” and 「…」)
	quoteSingle            // '…' or ‘…’ (British English dialogue)
)

// minQuoteShare is the least share of a side's sentences that must hold a
// quotation mark of its outer style for quote states to be read: a news
// story with one quoted phrase has no dialogue structure to follow.
const minQuoteShare = 0.05

// How a sentence starts: outside a quotation, opening one, or inside
// one. A sentence that opens a quotation agrees with both others: the
// English closes a speech to name its speaker and opens it again
// ('Better my arse!' muttered the eunuch. 'Get a move on!') where the
// Chinese goes on (海老公沉声道：“好你个屁！ 快进来！”), and it puts the
// speaker after a speech the Chinese introduces (小玄子笑道：“投不投降？”
// against 'Surrender?').
const (
	quoteOutside uint8 = iota
	quoteOpens
	quoteInside
)

// quoteClash reports whether two quote starts disagree.
func quoteClash(a, b uint8) bool {
	return a != b && a != quoteOpens && b != quoteOpens
}

// quoteStarts returns how each sentence starts, or nil when the side has
// too few quotation marks to tell.
func quoteStarts(ss []corpus.Sentence, chinese bool) []uint8 {
	style := quoteDouble
	if !chinese {
		style = englishQuoteStyle(ss)
	}
	q := make([]uint8, len(ss)+1)
	inside, marked := false, 0
	for i, s := range ss {
		switch {
		case inside:
			q[i] = quoteInside
		case opensQuote(s.Text, chinese, style):
			q[i] = quoteOpens
		}
		n := 0
		if chinese {
			inside, n = scanChineseQuotes(s.Text, inside)
		} else {
			inside, n = scanEnglishQuotes(s.Text, inside, style)
		}
		if n > 0 {
			marked++
		}
	}
	if inside {
		q[len(ss)] = quoteInside
	}
	if style == quoteNone || float64(marked) < minQuoteShare*float64(len(ss)) {
		return nil
	}
	return q
}

// opensQuote reports whether text starts with an opening mark of the
// side's outer style.
func opensQuote(text string, chinese bool, style quoteStyle) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(text, unicode.IsSpace))
	switch {
	case chinese:
		return r == '“' || r == '「' || r == '﹁'
	case style == quoteDouble:
		return r == '"' || r == '“'
	case style == quoteSingle:
		return r == '\'' || r == '‘'
	}
	return false
}

// scanChineseQuotes returns the quote state after text, entered with
// state inside, and how many outer quotation marks it holds.
func scanChineseQuotes(text string, inside bool) (bool, int) {
	n := 0
	for _, r := range text {
		switch r {
		case '“', '「', '﹁':
			inside = true
			n++
		case '”', '」', '﹂':
			inside = false
			n++
		}
	}
	return inside, n
}

// englishQuoteStyle tells which quotation marks open the side's
// sentences more often: those are its outer marks (dialogue), the others
// quotations within quotations or apostrophes.
func englishQuoteStyle(ss []corpus.Sentence) quoteStyle {
	single, double := 0, 0
	for _, s := range ss {
		r, _ := utf8.DecodeRuneInString(s.Text)
		switch r {
		case '"', '“':
			double++
		case '\'', '‘':
			single++
		}
	}
	switch {
	case single == 0 && double == 0:
		return quoteNone
	case single > double:
		return quoteSingle
	}
	return quoteDouble
}

// scanEnglishQuotes is scanChineseQuotes for English in the given style.
// An ASCII mark opens at the start of a word and closes elsewhere; a
// single mark (or ’) closes only after punctuation, or after a letter when
// the sentence opened a quotation before it, since otherwise it is an
// apostrophe (don't, the boys' room).
func scanEnglishQuotes(text string, inside bool, style quoteStyle) (bool, int) {
	n := 0
	opened := false
	prev := ' '
	for k := 0; k < len(text); {
		r, w := utf8.DecodeRuneInString(text[k:])
		k += w
		next := ' '
		if k < len(text) {
			next, _ = utf8.DecodeRuneInString(text[k:])
		}
		wordStart := unicode.IsSpace(prev) || isOpener(prev)
		switch {
		case style == quoteDouble && r == '“', style == quoteSingle && r == '‘':
			inside, opened = true, true
			n++
		case style == quoteDouble && r == '”':
			inside = false
			n++
		case style == quoteDouble && r == '"':
			if wordStart && !unicode.IsSpace(next) {
				inside, opened = true, true
			} else {
				inside = false
			}
			n++
		case style == quoteSingle && (r == '\'' || r == '’'):
			switch {
			case r == '\'' && wordStart && (unicode.IsLetter(next) || unicode.IsDigit(next) || next == '.' || next == '…'):
				inside, opened = true, true
				n++
			case unicode.IsPunct(prev) && !unicode.IsLetter(next):
				inside = false
				n++
			case unicode.IsLetter(prev) && opened && !unicode.IsLetter(next):
				inside, opened = false, false
				n++
			}
		}
		prev = r
	}
	return inside, n
}

// isOpener reports whether r may stand right before an opening quotation
// mark.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '—', '–', '-', '"', '“', '‘':
		return true
	}
	return false
}

// quotesSingle reports whether English text holds a single quotation
// mark (not an apostrophe).
func quotesSingle(text string) bool {
	if !strings.ContainsAny(text, "'‘’") {
		return false
	}
	_, n := scanEnglishQuotes(text, false, quoteSingle)
	return n > 0
}
