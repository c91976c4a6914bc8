package align

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
)

// Dictionary is what the aligner needs of a Chinese-English dictionary.
// CC-CEDICT (package corpus/cedict) is the default.
type Dictionary interface {
	// LongestAt returns the byte length of the longest headword starting
	// at byte i of s, or 0.
	LongestAt(s string, i int) int
	// Glosses returns the English glosses of a Chinese headword.
	Glosses(word string) []string
	// Readings returns the toneless lower-case pinyin syllables of a hanzi.
	Readings(r rune) []string
}

// NoDictionary is a Dictionary with no entries: the aligner then scores
// with length, anchors and what it learns from the documents.
var NoDictionary Dictionary = noDictionary{}

type noDictionary struct{}

func (noDictionary) LongestAt(string, int) int { return 0 }
func (noDictionary) Glosses(string) []string   { return nil }
func (noDictionary) Readings(rune) []string    { return nil }

// Lexicon is a user dictionary: Chinese terms with their English
// renderings, as read by LoadDict. Lexicon entries take precedence over
// the general dictionary in longest match.
type Lexicon struct {
	entries map[string][]string
	maxLen  int // longest headword in bytes
}

// Len returns the number of Chinese headwords.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.entries)
}

// Add records that zh may be rendered as en.
func (l *Lexicon) Add(zh, en string) {
	zh, en = strings.TrimSpace(zh), strings.TrimSpace(en)
	if zh == "" || en == "" {
		return
	}
	if l.entries == nil {
		l.entries = make(map[string][]string)
	}
	for _, e := range l.entries[zh] {
		if e == en {
			return
		}
	}
	l.entries[zh] = append(l.entries[zh], en)
	l.maxLen = max(l.maxLen, len(zh))
}

// Merge adds the entries of other to l.
func (l *Lexicon) Merge(other *Lexicon) {
	if other == nil {
		return
	}
	for _, zh := range sortedKeys(other.entries) {
		for _, en := range other.entries[zh] {
			l.Add(zh, en)
		}
	}
}

// longestAt is Dictionary.LongestAt over the lexicon's headwords.
func (l *Lexicon) longestAt(s string, i int) int {
	if l == nil || len(l.entries) == 0 {
		return 0
	}
	n := min(l.maxLen, len(s)-i)
	for n > 0 {
		if _, ok := l.entries[s[i:i+n]]; ok {
			return n
		}
		// step back one rune
		_, size := utf8.DecodeLastRuneInString(s[i : i+n])
		n -= size
	}
	return 0
}

func (l *Lexicon) glosses(word string) []string {
	if l == nil {
		return nil
	}
	return l.entries[word]
}

// LoadDict reads a user dictionary: UTF-8 text, one entry per line,
// Chinese term TAB English rendering, further columns ignored (so the
// glossary TSV written by "bitext glossary" loads as is). Blank lines and
// lines starting with # are skipped. Several renderings of one term may
// stand on separate lines or in the English column separated by " | " or
// ";". A malformed line is a *corpus.ParseError naming name and the line.
func LoadDict(r io.Reader, name string) (*Lexicon, error) {
	l := &Lexicon{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if !utf8.ValidString(text) {
			return nil, &corpus.ParseError{File: name, Line: line, Offset: -1, Err: fmt.Errorf("%w: not UTF-8", corpus.ErrEncoding)}
		}
		trim := strings.TrimSpace(text)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 || strings.TrimSpace(cols[0]) == "" || strings.TrimSpace(cols[1]) == "" {
			return nil, &corpus.ParseError{File: name, Line: line, Offset: -1,
				Err: fmt.Errorf("%w: want Chinese term, tab, English term", corpus.ErrSyntax)}
		}
		zh := strings.TrimSpace(cols[0])
		if !hasHan(zh) {
			// A header line such as "zh<TAB>en" or "source<TAB>target".
			if line == 1 || l.Len() == 0 {
				continue
			}
			return nil, &corpus.ParseError{File: name, Line: line, Offset: -1,
				Err: fmt.Errorf("%w: first column %q has no Chinese", corpus.ErrSyntax, zh)}
		}
		for _, en := range strings.FieldsFunc(cols[1], func(r rune) bool { return r == '|' || r == ';' }) {
			l.Add(zh, en)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &corpus.ParseError{File: name, Line: line + 1, Offset: -1, Err: err}
	}
	return l, nil
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
