package norm

import (
	"unicode"
	"unicode/utf8"
)

// Token is one English token: Text is s[Start:End] of the string it came
// from, unchanged.
type Token struct {
	Text       string
	Start, End int
}

// EnglishTokens splits English text into tokens with their byte spans.
// A token is
//   - a word, with inner apostrophes and a possessive kept (China's, don't,
//     countries'),
//   - a number with thousands separators and a decimal part (1,200.5, 3.5),
//   - a compound joined by hyphens or dashes between letters or digits
//     (Belt-and-Road, COVID-19, 30-year-old, G20, 5G),
//   - a dotted abbreviation (U.S., U.K.; "e.g." too).
//
// Everything else (spaces, punctuation, symbols such as $ and %) separates
// tokens and is not returned. Chinese characters are not English tokens and
// are skipped too.
func EnglishTokens(s string) []Token {
	var toks []Token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		end := scanToken(s, i)
		toks = append(toks, Token{Text: s[i:end], Start: i, End: end})
		i = end
	}
	return toks
}

// isWordRune reports whether r can start or continue an English token.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if unicode.Is(unicode.Han, r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isHyphen reports whether r joins the parts of a compound.
func isHyphen(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '－':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// scanToken returns the end of the token that starts at s[i], a word rune.
func scanToken(s string, i int) int {
	if end, ok := scanAbbrev(s, i); ok {
		return end
	}
	end := i
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		switch {
		case isWordRune(r):
			end += n
			continue
		case r == ',' || r == '.':
			// 1,200.5: a separator between digits.
			prev, _ := utf8.DecodeLastRuneInString(s[:end])
			next, _ := utf8.DecodeRuneInString(s[end+n:])
			if isDigit(prev) && isDigit(next) {
				end += n
				continue
			}
		case isHyphen(r) || isApostrophe(r):
			// Belt-and-Road, don't, China's: a joiner between word runes.
			next, _ := utf8.DecodeRuneInString(s[end+n:])
			if isWordRune(next) {
				end += n
				continue
			}
			// countries': a plural possessive after an s.
			prev, _ := utf8.DecodeLastRuneInString(s[:end])
			if isApostrophe(r) && (prev == 's' || prev == 'S') && end+n <= len(s) {
				return end + n
			}
		}
		break
	}
	return end
}

// scanAbbrev recognises a dotted abbreviation of single ASCII letters
// (U.S., U.N., e.g., a.m.) starting at s[i] and returns its end.
func scanAbbrev(s string, i int) (int, bool) {
	j, letters := i, 0
	for j+1 < len(s) && isASCIILetter(s[j]) && s[j+1] == '.' {
		letters++
		j += 2
	}
	return j, letters >= 2
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
