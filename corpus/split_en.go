package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitEnglish splits one paragraph of English text into sentences with their
// kinds (see splitParagraph). Offsets are relative to text and
// Text == text[Start:End].
//
// A sentence ends at . ! ? followed by white space and then an upper-case
// letter, a digit or an opening quote or bracket; closing quotes and brackets
// after the end mark stay with the sentence, and a quotation's speech tag
// ("…?" Wang asked.) stays with it. An ellipsis (... … . . .) ends a sentence
// only before a closing or opening quote. A full stop does
// not end a sentence after a title (Mr. Dr. Gen. St. …), before a number
// after No. or a month (Jan. 5), inside a decimal (3.5), after an initial
// (J. K. Rowling) or an abbreviation that may end a sentence (U.S. Co. Ltd.
// Inc. etc. a.m. …) unless the next word is a common sentence opener (The, He,
// In, …), nor before a lower-case word. A dateline (BEIJING, June 17 (Xinhua)
// --) has no end mark and stays with its sentence, and a closing photo credit
// (". (Xinhua/Li Tao)") stays with its caption.
func SplitEnglish(text string) []Sentence {
	return splitParagraph(text, English, "")
}

// enEnds returns the offsets in s where sentences end (exclusive), in order;
// the end of s is not included.
func enEnds(s string) []int {
	protected := matchedPairs(s)
	var ends []int
	for i := 0; ; {
		m, ok := nextEndMark(s, i, protected, enMark)
		if !ok {
			break
		}
		at, j, r := m.at, m.after, m.first
		ellipsis := r == '…' || j-at >= 3
		if e := spacedEllipsis(s, at); e > 0 {
			j, ellipsis = e, true
		}
		single := r == '.' && j == at+1
		if ellipsis && !ellipsisEnds(s, j-1) {
			i = j // an ellipsis inside a sentence
			continue
		}
		end := j
		j = skipClosers(s, j)
		closed := j > end
		if j >= len(s) {
			break
		}
		if next, _ := utf8.DecodeRuneInString(s[j:]); !isSpace(next) {
			i = j
			continue
		}
		k := skipSpaces(s, j)
		if k >= len(s) {
			break
		}
		if enEndsHere(s, at, k, single, closed) && !trailingCredit(s[j:]) && !(closed && speechTag(s[k:])) {
			ends = append(ends, j)
		}
		i = j
	}
	return ends
}

// enMark reports whether r is a sentence end mark in English text.
func enMark(_ string, _ int, r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// spacedEllipsis returns the offset after an ellipsis written with spaces
// (". . ."), or 0 when s[i:] does not start with one.
func spacedEllipsis(s string, i int) int {
	n, j := 0, i
	for j < len(s) && s[j] == '.' {
		n++
		j++
		if j+1 < len(s) && s[j] == ' ' && s[j+1] == '.' {
			j++
		}
	}
	if n >= 3 && strings.Contains(s[i:j], " ") {
		return j
	}
	return 0
}

// speechVerbs follow a quotation in a speech tag: …?" Wang asked.
var speechVerbs = set("said", "says", "asked", "asks", "added", "adds", "replied", "told", "noted", "explained",
	"stressed", "continued", "shouted", "whispered", "cried", "laughed", "answered", "wrote", "insisted", "declared")

// speechTag reports whether s starts with a speech tag that ends the
// sentence: one to three capitalised words and a speech verb with a full stop
// ("Wang asked.", "Foreign Minister Wang Yi said."), which stays with the
// quotation before it. "Hu Qiaoli said, in order to …" starts a sentence.
func speechTag(s string) bool {
	words := strings.Fields(s[:min(len(s), 80)])
	for n, w := range words {
		if n > 3 {
			return false
		}
		if v := strings.TrimRight(w, "."); speechVerbs[v] {
			return n > 0 && v != w
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return false
}

// enEndsHere decides whether the end mark at s[i] (a lone full stop when
// single; followed by a closer when closed) ends a sentence, given that the
// next word starts at s[k].
func enEndsHere(s string, i, k int, single, closed bool) bool {
	next, _ := utf8.DecodeRuneInString(s[k:])
	word := nextWord(s[k:])
	switch {
	case unicode.IsLower(next):
		return false
	case strings.ContainsRune(",;:)]", next):
		return false
	case !single || closed:
		return true
	}
	prev := prevWord(s[:i])
	lower := strings.ToLower(prev)
	switch {
	case prev == "":
		return true
	case titles[lower]:
		return false
	case isDigit(next) && beforeNumber[lower]:
		return false
	case isInitial(prev), dotted(prev), mayEnd[lower]:
		return sentenceOpeners[strings.ToLower(word)]
	}
	return true
}

// prevWord returns the word just before a full stop, without opening quotes
// or brackets: "(U.S" for "(U.S." gives "U.S".
func prevWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return isSpace(r) || strings.ContainsRune("(\"“‘['—", r) })
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// nextWord returns the letters that start s, after opening quotes and
// brackets.
func nextWord(s string) string {
	s = strings.TrimLeft(s, "\"'“‘([")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// isInitial reports a single capital letter: the J of "J. K. Rowling".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// dotted reports an abbreviation written with inner full stops: U.S, U.N,
// e.g, a.m, Ph.D.
func dotted(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) > 2 || part == "" {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titles never end a sentence: a name or a place follows them.
var titles = set("mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
	"cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "st", "mt", "ft",
	"e.g", "i.e", "cf", "vs", "viz", "approx", "esp", "incl", "dept", "ave", "blvd")

// beforeNumber are abbreviations that a number follows: No. 5, Jan. 5, p. 12.
var beforeNumber = set("no", "nos", "nr", "art", "p", "pp", "vol", "vols", "ch", "fig", "figs", "sec", "para",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tel", "op", "ed", "ver")

// mayEnd are abbreviations that can also close a sentence; after them a
// sentence ends only when a common sentence opener follows.
var mayEnd = set("inc", "ltd", "co", "corp", "plc", "llc", "bros", "jr", "sr", "etc", "al",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no")

// sentenceOpeners are frequent first words of English sentences that are
// rarely part of a name, so that "… in the U.S. The …" splits and "U.S.
// President" does not.
var sentenceOpeners = set("the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i",
	"you", "his", "her", "its", "their", "our", "my", "there", "here", "in", "on", "at", "for", "but", "and",
	"so", "yet", "however", "meanwhile", "also", "as", "after", "before", "when", "while", "if", "since",
	"although", "though", "according", "last", "next", "earlier", "later", "some", "many", "most", "all",
	"both", "each", "such", "what", "which", "who", "why", "how", "where", "one", "to", "by", "with", "from",
	"during", "under", "over", "no", "not", "other", "another", "then", "now", "today", "yesterday",
	"moreover", "furthermore", "besides", "still", "instead", "thus", "therefore")
