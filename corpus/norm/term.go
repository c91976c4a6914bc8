package norm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one English word with its term key (see TermKey). Start and End
// are the byte offsets of the word in the string it came from. A hyphenated
// compound gives one Word per part, each spanning its own part
// (Belt-and-Road: Belt, and, Road); a joined prefix stays with its word
// (co-operation: one Word).
type Word struct {
	Key        string
	Start, End int
}

// TermKey returns the matching key of an English term or phrase: two
// renderings that a reviewer would accept as the same term get the same key.
//
//   - Case is folded, and text goes through Fold first (full-width letters,
//     curly apostrophes).
//   - Hyphens, dashes and spaces between words are equal: Belt-and-Road,
//     Belt and Road and Belt–and–Road give "belt and road"; so is a spaced
//     ampersand (Belt & Road). A joined prefix
//     (co-operation, e-commerce) is written together: cooperation, ecommerce.
//   - A leading article (the, a, an) is dropped.
//   - A possessive ('s, s') is dropped.
//   - UK spellings become US ones: programme, colour, centre, defence,
//     licence, catalogue, travelled, organise/organisation, analyse.
//   - Inflection is removed with the Snowball (Porter2) English stemmer:
//     plurals, -ed, -ing (policies = policy, developing = developed).
//     Porter2 also removes derivational suffixes, which would merge words a
//     glossary must keep apart (organization → organ, university → univers,
//     national → nation). So the Porter2 stem is used only when it is at
//     most one letter shorter than the word with just its inflection (and a
//     final e) removed; otherwise that lighter form is the key. Hence
//     organizations = organization ≠ organ, and universities = university ≠
//     universe.
//   - A dotted or all-capital abbreviation whose letters also spell a common
//     word keeps a marker: U.S. and US give "us.", the pronoun us gives "us";
//     WHO is not who.
//
// Numbers keep their digits without thousands separators (1,200 → 1200).
// Words are joined by single spaces.
func TermKey(s string) string {
	words := Words(s)
	if len(words) > 1 && isArticle(words[0].Key) && !isHyphen(firstRune(s[words[0].End:])) {
		words = words[1:] // the article, but not the A of A-share
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Key)
	}
	return b.String()
}

// WordKeys returns the key of every word of s, in order, for matching a
// multi-word term key (TermKey) against running text: a term matches where
// strings.Join(keys[i:j], " ") == TermKey(term). Articles are kept.
func WordKeys(s string) []string {
	words := Words(s)
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = w.Key
	}
	return keys
}

// Words returns the words of s with their keys and byte spans in s: the
// tokens of EnglishTokens, with compounds cut at their hyphens.
func Words(s string) []Word {
	var words []Word
	prev := 0
	for _, t := range EnglishTokens(s) {
		// "Belt & Road" = "Belt and Road": an ampersand between spaces.
		if i := strings.Index(s[prev:t.Start], " & "); i >= 0 && len(words) > 0 {
			words = append(words, Word{Key: "and", Start: prev + i + 1, End: prev + i + 2})
		}
		words = appendWords(words, t)
		prev = t.End
	}
	return words
}

// appendWords appends the words of one token, cutting it at hyphens and
// writing a joined prefix together with the part after it.
func appendWords(words []Word, t Token) []Word {
	type part struct {
		text       string
		start, end int
	}
	var parts []part
	start := 0
	for i, r := range t.Text {
		if isHyphen(r) {
			parts = append(parts, part{t.Text[start:i], start, i})
			start = i + utf8.RuneLen(r)
		}
	}
	parts = append(parts, part{t.Text[start:], start, len(t.Text)})
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		text := p.text
		for i+1 < len(parts) && joinedPrefixes[strings.ToLower(Fold(parts[i].text))] {
			i++
			text += parts[i].text
			p.end = parts[i].end
		}
		if key := wordKey(text); key != "" {
			words = append(words, Word{Key: key, Start: t.Start + p.start, End: t.Start + p.end})
		}
	}
	return words
}

// joinedPrefixes are written together with the next part of a compound, so
// that co-operation = cooperation and e-commerce = ecommerce.
var joinedPrefixes = map[string]bool{
	"co": true, "e": true, "re": true, "pre": true, "non": true, "anti": true,
	"multi": true, "inter": true, "post": true, "sub": true, "micro": true,
	"macro": true, "socio": true, "neo": true, "semi": true, "mid": true,
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isArticle(k string) bool { return k == "the" || k == "a" || k == "an" }

// markedAbbrevs are words that an all-capital or dotted abbreviation can
// also spell; the abbreviation's key keeps a trailing dot.
// Only words that are also frequent acronyms are listed: an all-capital
// headline (FORUM ON CHINA-AFRICA COOPERATION) must still match its term.
var markedAbbrevs = map[string]bool{
	"us": true, "who": true, "it": true, "is": true, "aids": true, "id": true,
}

// wordKey returns the key of one word (no hyphens inside).
func wordKey(w string) string {
	w = Fold(w)
	if w == "" {
		return ""
	}
	if isNumber(w) {
		return strings.ReplaceAll(w, ",", "")
	}
	dotted := strings.Contains(w, ".")
	if dotted {
		w = strings.ReplaceAll(w, ".", "")
	}
	if n := len(w); n >= 3 && w[n-1] == 's' && isUpperASCII(w[:n-1]) {
		w = w[:n-1] // SMEs, NGOs: the plural of an acronym
	}
	lower := strings.ToLower(w)
	if (dotted || (len(w) >= 2 && isUpperASCII(w))) && markedAbbrevs[lower] {
		return lower + "."
	}
	if dotted {
		return lower
	}
	lower = stripPossessive(lower)
	if lower == "" {
		return ""
	}
	if !isASCIIWord(lower) {
		return lower
	}
	return stem(usSpelling(lower))
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(isDigit(rune(c)) || c == ',' || c == '.') {
			return false
		}
	}
	return true
}

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || c == '\'') {
			return false
		}
	}
	return true
}

// stripPossessive removes 's or a plural possessive's apostrophe.
func stripPossessive(w string) string {
	switch {
	case strings.HasSuffix(w, "'s"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "'"):
		return w[:len(w)-1]
	}
	return strings.TrimFunc(w, func(r rune) bool { return r == '\'' || unicode.IsSpace(r) })
}
