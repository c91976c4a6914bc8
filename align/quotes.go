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
	style, corner := quoteDouble, false
	if chinese {
		corner = cornerQuotes(ss)
	} else {
		style = englishQuoteStyle(ss)
	}
	q := make([]uint8, len(ss)+1)
	inside, marked := false, 0
	for i, s := range ss {
		// A sentence that starts with an opening mark opens a quotation
		// whatever the scan says: the next paragraph of a speech opens
		// it again, and a misread mark is forgotten at the next line of
		// dialogue.
		switch {
		case opensQuote(s.Text, chinese, style):
			q[i] = quoteOpens
		case inside:
			q[i] = quoteInside
		}
		n := 0
		if chinese {
			inside, n = scanChineseQuotes(s.Text, inside, corner)
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
		return r == '“' || r == '「'
	case style == quoteDouble:
		return r == '"' || r == '“'
	case style == quoteSingle:
		return r == '\'' || r == '‘'
	}
	return false
}

// scanChineseQuotes returns the quote state after text, entered with
// state inside, and how many outer quotation marks it holds: corner
// marks 「」 when corner is set (traditional text, where “” are the inner
// ones), “” otherwise. A speech that runs over paragraphs opens again at
// each without closing, so the state is a toggle, not a nesting depth.
func scanChineseQuotes(text string, inside, corner bool) (bool, int) {
	open, close := '“', '”'
	if corner {
		open, close = '「', '」'
	}
	n := 0
	for _, r := range text {
		switch r {
		case open:
			inside = true
			n++
		case close:
			inside = false
			n++
		}
	}
	return inside, n
}

// cornerQuotes reports whether a Chinese side's outer quotation marks are
// corner marks 「」 (they open more sentences than “ does).
func cornerQuotes(ss []corpus.Sentence) bool {
	corner, curly := 0, 0
	for _, s := range ss {
		corner += strings.Count(s.Text, "「")
		curly += strings.Count(s.Text, "“")
	}
	return corner > curly
}

// englishQuoteStyle tells which quotation marks open the side's
// sentences more often: those are its outer marks (dialogue), the others
// quotations within quotations or apostrophes.
func englishQuoteStyle(ss []corpus.Sentence) quoteStyle {
	single, double := 0, 0
	for _, s := range ss {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s.Text, unicode.IsSpace))
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
				if !elision(text[k:]) {
					inside, opened = true, true
					n++
				}
			case unicode.IsPunct(prev) && !unicode.IsLetter(next):
				inside = false
				n++
			case unicode.IsLetter(prev) && opened && !unicode.IsLetter(next) && !possessive(text[:k-w], text[k:]):
				inside, opened = false, false
				n++
			}
		}
		prev = r
	}
	return inside, n
}

// elision reports whether rest, the text after an apostrophe at the start
// of a word, is an elided word rather than a quotation: '90s, 'em, 'tis,
// rock 'n' roll.
func elision(rest string) bool {
	if len(rest) >= 2 && isDigit(rest[0]) && isDigit(rest[1]) {
		return true
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	switch strings.ToLower(rest[:end]) {
	case "n", "em", "tis", "twas", "cause", "til", "bout", "round":
		return true
	}
	return false
}

// possessive reports whether an apostrophe after a letter, between before
// and after, is a plural possessive (the boys' room) or the end of 'n'
// rather than the end of a quotation: an s before it and a lower-case
// word after it, or 'n' itself.
func possessive(before, after string) bool {
	if strings.HasSuffix(before, " 'n") || strings.HasSuffix(before, "'n") && len(before) == 2 {
		return true
	}
	rest, ok := strings.CutPrefix(after, " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && strings.HasSuffix(before, "s") && unicode.IsLower(r)
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
