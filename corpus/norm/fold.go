// Package norm holds the comparison forms every stage of bitext shares, so
// that the aligner, the glossary builder and the checker agree on what counts
// as the same text, word or term:
//
//   - Fold: a comparison form of any text: Unicode NFKC, East Asian width
//     folding, and one spelling for quotes and dashes (“”「」『』 → ", ‘’ → ',
//     – — ― − → -). Output always keeps the original text; only comparisons
//     go through Fold.
//   - Simplify: Traditional → Simplified Chinese, character by character,
//     from CC-CEDICT's two headword columns (package corpus/cedict), so a
//     Simplified glossary matches Traditional text.
//   - EnglishTokens: words, numbers (1,200.5), hyphenated compounds
//     (Belt-and-Road, COVID-19), possessives (China's) and dotted
//     abbreviations (U.S.) with their byte spans.
//   - TermKey and WordKeys: the English term normaliser (see TermKey).
package norm

import (
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus/cedict"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// unify maps the quote and dash variants that survive NFKC to one ASCII
// form. NFKC leaves curly quotes, CJK corner brackets and most dashes alone.
func unify(r rune) rune {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '「', '」', '『', '』', '〝', '〞', '〟', '″', '＂':
		return '"'
	case '‘', '’', '‚', '‛', '′', '‹', '›', '＇', '`':
		return '\''
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－', '⸺', '⸻':
		return '-'
	}
	return r
}

// needsFold reports whether r is changed by width folding or quote and dash
// unification. NFKC is checked separately (norm.NFKC.IsNormalString).
func needsFold(r rune) bool {
	if unify(r) != r {
		return true
	}
	return width.LookupRune(r).Folded() != 0
}

// Fold returns the comparison form of s: NFKC, width-folded (full-width
// Latin and digits to ASCII, half-width katakana to full width), with quotes
// and dashes unified. When s is already in that form Fold returns s itself
// and allocates nothing.
//
// Fold is for comparing, never for output: NFKC also turns ，into "," and
// ① into "1".
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	// NFKC first, then width folding and quote/dash unification in one
	// pass: x/text's width.Fold is the rune mapping width.Properties.Folded,
	// so it composes with unify inside strings.Map (cheaper than a
	// transform.Chain, which buffers and copies twice).
	return strings.Map(foldRune, norm.NFKC.String(s))
}

func foldRune(r rune) rune {
	if f := width.LookupRune(r).Folded(); f != 0 {
		r = f
	}
	return unify(r)
}

// isFolded is Fold's fast path: a scan without allocation.
func isFolded(s string) bool {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '`' {
				return false
			}
			i++
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		if needsFold(r) {
			return false
		}
		i += n
	}
	return ascii || norm.NFKC.QuickSpanString(s) == len(s)
}

// Simplify returns s with Traditional Chinese characters replaced by their
// Simplified forms (CC-CEDICT's headword columns, one character at a time),
// for comparison only. Text without Traditional characters comes back
// unchanged. The dictionary loads on first use.
func Simplify(s string) string {
	return cedict.Load().Simplify(s)
}
