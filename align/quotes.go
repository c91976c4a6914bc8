package align

import (
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

// quoteStarts marks the sentences that start inside a quotation, or
// returns nil when the side has too few quotation marks to tell.
func quoteStarts(ss []corpus.Sentence, chinese bool) []bool {
	style := quoteDouble
	if !chinese {
		style = englishQuoteStyle(ss)
	}
	q := make([]bool, len(ss)+1)
	inside, marked := false, 0
	for i, s := range ss {
		q[i] = inside
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
	q[len(ss)] = inside
	if style == quoteNone || float64(marked) < minQuoteShare*float64(len(ss)) {
		return nil
	}
	return q
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
