package align

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/norm"
)

// maxGlossKeys caps the English keys one Chinese word contributes from the
// dictionary, first senses first (CC-CEDICT lists the common senses first;
// a character like 打 has thirty).
const maxGlossKeys = 24

// cedictDict adapts CC-CEDICT to Dictionary.
type cedictDict struct{ d *cedict.Dict }

// CEDICT returns the embedded CC-CEDICT as a Dictionary (loaded on first use).
func CEDICT() Dictionary { return cedictDict{cedict.Load()} }

func (c cedictDict) LongestAt(s string, i int) int { return c.d.LongestAt(s, i) }
func (c cedictDict) Readings(r rune) []string      { return c.d.Readings(r) }
func (c cedictDict) Glosses(word string) []string {
	var out []string
	for _, e := range c.d.Lookup(word) {
		out = append(out, e.Glosses...)
	}
	return out
}

// lexicon is everything the aligner knows about words for one run.
// It caches the term keys of English tokens and the English keys of
// Chinese words, so it must not be shared between goroutines.
type lexicon struct {
	dict      Dictionary
	user      *Lexicon
	tokenKeys map[string][]string // English token → its word keys (norm.Words)
	wordKeys  map[string][]string // Chinese word → keys from the dictionaries
}

func (a *Aligner) lexicon(*Weights) *lexicon {
	d := a.Dict
	if d == nil {
		d = CEDICT()
	}
	return newLexicon(d, a.Lexicon)
}

func newLexicon(d Dictionary, user *Lexicon) *lexicon {
	return &lexicon{dict: d, user: user, tokenKeys: map[string][]string{}, wordKeys: map[string][]string{}}
}

// keysOf returns the word keys of one English token (cached: stemming is
// the most expensive step of reading a document).
func (l *lexicon) keysOf(tok string) []string {
	if ks, ok := l.tokenKeys[tok]; ok {
		return ks
	}
	var ks []string
	for _, w := range norm.Words(tok) {
		ks = append(ks, w.Key)
	}
	l.tokenKeys[tok] = ks
	return ks
}

// textKeys returns the word keys of English text in order.
func (l *lexicon) textKeys(text string) []string {
	var ks []string
	for _, t := range norm.EnglishTokens(text) {
		ks = append(ks, l.keysOf(t.Text)...)
	}
	return ks
}

// useful reports whether the lexicon can say anything about words.
func (l *lexicon) useful() bool {
	_, none := l.dict.(noDictionary)
	return !none || l.user.Len() > 0
}

// zhToken is one token of Chinese text; learn marks the word-like ones a
// translation model may learn.
type zhToken struct {
	text  string
	learn bool
	alt   []string // words of the backward segmentation that overlap this one across its boundaries
}

// chineseTokens cuts Chinese text into dictionary words (longest match,
// user lexicon first), single unknown characters, Latin words, numbers and
// anchor punctuation.
func (l *lexicon) chineseTokens(s string) []zhToken {
	var toks []zhToken
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isHan(r):
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if !isHan(r) {
					break
				}
				j += size
			}
			toks = l.appendRun(toks, s[i:j])
			i = j
		case r < utf8.RuneSelf && (isASCIILetter(byte(r)) || isDigit(byte(r))):
			j := i
			for j < len(s) && (isASCIILetter(s[j]) || isDigit(s[j]) || s[j] == '.' || s[j] == ',' || s[j] == '-') {
				j++
			}
			for j > i && !(isASCIILetter(s[j-1]) || isDigit(s[j-1])) {
				j--
			}
			for _, w := range norm.Words(s[i:j]) {
				if !isNumberKey(w.Key) { // numbers are read by corpus/numbers
					toks = append(toks, zhToken{text: w.Key, learn: true})
				}
			}
			i = j
		default:
			switch r {
			case '?', '？':
				toks = append(toks, zhToken{text: keyQuestion})
			case '!', '！':
				toks = append(toks, zhToken{text: keyExclaim})
			case '“', '”', '"', '「', '」', '『', '』', '《', '》':
				toks = append(toks, zhToken{text: keyQuote})
			case '(', '（':
				toks = append(toks, zhToken{text: keyParen})
			case '.': // …… is folded to ......
				if strings.HasPrefix(s[i:], "...") {
					toks = append(toks, zhToken{text: keyEllipsis})
					for i+size < len(s) && s[i+size] == '.' {
						i++
					}
				}
			case '⋯': // ⋯⋯, the traditional ellipsis
				if !strings.HasPrefix(s[i+size:], "⋯") {
					toks = append(toks, zhToken{text: keyEllipsis})
				}
			}
			i += size
		}
	}
	return toks
}

// appendRun appends the words of a run of Chinese characters: the
// longest-match (forward) segmentation, each word with the words of the
// backward one that overlap it without sharing both its bounds (对美|元
// and 对|美元): where the two readings disagree either may be right, so a
// word may also be rendered as its rivals are.
func (l *lexicon) appendRun(toks []zhToken, run string) []zhToken {
	first := len(toks)
	var bounds []int // start of each forward word, then the end of the run
	for i := 0; i < len(run); {
		_, size := utf8.DecodeRuneInString(run[i:])
		n := max(l.user.longestAt(run, i), l.dict.LongestAt(run, i), size)
		toks = append(toks, zhToken{text: run[i : i+n], learn: true})
		bounds = append(bounds, i)
		i += n
	}
	bounds = append(bounds, len(run))
	if len(toks)-first < 2 {
		return toks
	}
	// Both cuts run right to left; k is the last forward word that starts
	// before the end j of the backward word.
	k := len(bounds) - 2
	for j := len(run); j > 0; {
		i := l.longestEndingAt(run, j)
		for k > 0 && bounds[k] >= j {
			k--
		}
		if utf8.RuneCountInString(run[i:j]) > 1 {
			for f := k; f >= 0 && bounds[f+1] > i; f-- {
				if bounds[f] != i || bounds[f+1] != j {
					toks[first+f].alt = append(toks[first+f].alt, run[i:j])
				}
			}
		}
		j = i
	}
	return toks
}

// longestEndingAt returns the start of the longest dictionary word of s
// that ends at byte j (at most maxWordRunes characters long), or the
// start of the character before j if none does.
func (l *lexicon) longestEndingAt(s string, j int) int {
	_, size := utf8.DecodeLastRuneInString(s[:j])
	start := j - size
	i := start
	for n := 1; n < maxWordRunes && i > 0; n++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
		if l.user.longestAt(s[:j], i) == j-i || l.dict.LongestAt(s[:j], i) == j-i {
			start = i
		}
	}
	return start
}

// maxWordRunes is the longest word, in characters, the backward
// segmentation looks for.
const maxWordRunes = 8

// keys returns the English keys a Chinese token may be rendered by.
func (l *lexicon) keys(word string, model *Model) []string {
	if strings.HasPrefix(word, "\x00") || !hasHan(word) {
		return []string{word} // anchors, numbers and Latin words stand for themselves
	}
	keys, ok := l.wordKeys[word]
	if !ok {
		seen := map[string]bool{}
		addText := func(text string, limit int) {
			for _, k := range l.textKeys(text) {
				if limit > 0 && len(keys) >= limit {
					return
				}
				if stopword(k) || seen[k] {
					continue
				}
				seen[k] = true
				keys = append(keys, k)
			}
		}
		for _, en := range l.user.glosses(word) {
			addText(en, 0)
		}
		for _, g := range l.dict.Glosses(word) {
			if g = cleanGloss(g); g != "" {
				addText(g, maxGlossKeys)
			}
		}
		l.wordKeys[word] = keys
	}
	if extra := model.translations(word); len(extra) > 0 {
		keys = slices.Clone(keys)
		for _, k := range extra {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// cleanGloss drops the parts of a CC-CEDICT sense that are not a rendering:
// bracketed pinyin and notes, classifiers, cross-references.
func cleanGloss(g string) string {
	for _, p := range []string{"CL:", "variant of", "old variant", "see ", "used in ", "also written", "erhua variant", "abbr. for", "Japanese variant", "(archaic)", "(old)"} {
		if strings.HasPrefix(g, p) {
			return ""
		}
	}
	var b strings.Builder
	depth := 0
	for _, r := range g {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// nameHit is a run of hanzi whose pinyin spells an English name key.
type nameHit struct {
	text string
	id   int32
}

// maxNameHanzi is the longest run of characters read as a name.
const maxNameHanzi = 4

// names finds runs of 2–4 hanzi whose toneless pinyin, syllables joined,
// equals a name key of the English document (孔令强 ↔ Kong Lingqiang).
func (l *lexicon) names(s string, ev *vocab) []nameHit {
	var hits []nameHit
	runes := []rune{}
	offs := []int{}
	for i, r := range s {
		runes = append(runes, r)
		offs = append(offs, i)
	}
	offs = append(offs, len(s))
	var walk func(start, k int, prefix string)
	walk = func(start, k int, prefix string) {
		if k >= len(runes) || k-start >= maxNameHanzi || !isHan(runes[k]) {
			return
		}
		for _, syl := range l.dict.Readings(runes[k]) {
			p := prefix + syl
			if k > start {
				if id, ok := ev.lookup(namePrefix + p); ok {
					hits = append(hits, nameHit{s[offs[start]:offs[k+1]], id})
				}
			}
			if k-start+1 < maxNameHanzi && ev.hasNamePrefix(p) {
				walk(start, k+1, p)
			}
		}
	}
	for start := range runes {
		walk(start, start, "")
	}
	return hits
}

// hasNamePrefix reports whether some name key starts with p.
func (v *vocab) hasNamePrefix(p string) bool {
	if v.prefixes == nil {
		v.prefixes = map[string]bool{}
		for _, n := range v.names {
			if rest, ok := strings.CutPrefix(n, namePrefix); ok {
				for i := 1; i <= len(rest); i++ {
					v.prefixes[rest[:i]] = true
				}
			}
		}
	}
	return v.prefixes[p]
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool       { return '0' <= c && c <= '9' }

// stopwords are English function words, which carry no evidence of
// translation (a hand-made list).
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor of to in on at by for with from as into onto upon
		about over under after before than then so if this that these those there here it its
		is are was were be been being am has have had having do does did done will would shall
		should can could may might must not no yes he she they we you i me him her them us our your
		their his my mine who whom whose which what when where why how all any some each every
		one's oneself also very too just only such own same other else s t surname etc
		something someone somebody sb sth`) {
		m[w] = true
	}
	return m
}()

func stopword(k string) bool { return len(k) <= 1 || stopwords[k] }
