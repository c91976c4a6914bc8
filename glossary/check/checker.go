package check

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/norm"
	"github.com/bitext/bitext/corpus/numbers"
	"github.com/bitext/bitext/glossary"
)

// group is the entries that share one Chinese term.
type group struct {
	zh       string   // the term as first written in the glossary
	accepted []int    // entry indexes of accepted renderings, glossary order
	expected []string // their English
	note     string   // first non-empty comment of the group
}

// Checker checks segments against a glossary. Build it with New; it is safe
// for concurrent use by several Check calls.
type Checker struct {
	entries []glossary.Entry
	groups  []group
	zh      zhMatcher
	en      enMatcher
	numbers bool // check numbers (Options.NoNumbers unset)
}

// Options configure New.
type Options struct {
	// Segmenter cuts Simplified Chinese into words for the word-boundary
	// rule (a corpus/segment segmenter, ideally with the glossary's terms as
	// its user dictionary). Nil: the dictionary rule (see the package
	// comment).
	Segmenter corpus.Segmenter
	// NoNumbers turns number-mismatch off.
	NoNumbers bool
}

// New compiles a glossary. Entries with status new or rejected are
// ignored; an entry that counts and has no Chinese term (unless forbidden)
// or no English rendering is an error.
func New(entries []glossary.Entry, opt Options) (*Checker, error) {
	c := &Checker{entries: entries, numbers: !opt.NoNumbers}
	c.zh.segmenter = opt.Segmenter
	byKey := map[string]int{}
	var patterns []string
	verdicts := map[[2]string]int{} // (term, rendering) → the entry that decided it
	for i, e := range entries {
		forbidden := e.Status == glossary.Forbidden
		switch e.Status {
		case glossary.New, glossary.Rejected:
			continue
		case "", glossary.Approved, glossary.Preferred, glossary.Admitted, glossary.Forbidden:
		default:
			return nil, fmt.Errorf("glossary entry %d (%s): unknown status %q", i+1, e.ZH, e.Status)
		}
		if strings.TrimSpace(e.EN) == "" {
			return nil, fmt.Errorf("glossary entry %d (%s): no English rendering", i+1, e.ZH)
		}
		pair := [2]string{zhKey(strings.TrimSpace(e.ZH)), strings.ToLower(strings.TrimSpace(e.EN))}
		if j, ok := verdicts[pair]; ok && (entries[j].Status == glossary.Forbidden) != forbidden {
			return nil, fmt.Errorf("glossary entries %d and %d: %s → %q is both allowed and forbidden", j+1, i+1, e.ZH, e.EN)
		}
		verdicts[pair] = i
		g := -1
		if key := zhKey(strings.TrimSpace(e.ZH)); key != "" {
			var ok bool
			if g, ok = byKey[key]; !ok {
				g = len(c.groups)
				byKey[key] = g
				c.groups = append(c.groups, group{zh: strings.TrimSpace(e.ZH)})
				patterns = append(patterns, key)
			}
			if c.groups[g].note == "" && !forbidden {
				c.groups[g].note = e.Comment
			}
		} else if !forbidden {
			return nil, fmt.Errorf("glossary entry %d (%s): no Chinese term", i+1, e.EN)
		}
		for _, text := range renderings(e.EN) {
			if !c.en.add(text, enPhrase{entry: i, group: g, forbidden: forbidden}, e.CaseSensitive) {
				return nil, fmt.Errorf("glossary entry %d (%s): rendering %q has no words", i+1, e.ZH, e.EN)
			}
		}
		if !forbidden {
			c.groups[g].accepted = append(c.groups[g].accepted, i)
			c.groups[g].expected = append(c.groups[g].expected, e.EN)
		}
	}
	c.zh.ac = newACMatcher(patterns) // pattern i is group i's term
	return c, nil
}

// renderings returns the forms of a rendering that match: itself and,
// for "Shanghai Cooperation Organization (SCO)", the name without the
// abbreviation.
func renderings(en string) []string {
	en = strings.TrimSpace(en)
	if a := strings.LastIndexAny(en, "(（"); a > 0 && abbrevAfter(en, a) != "" {
		if head := strings.TrimSpace(en[:a]); head != "" && len(norm.Words(head)) > 0 {
			return []string{en, head}
		}
	}
	return []string{en}
}

// Terms returns the distinct Chinese terms of the glossary, for a
// segmenter's user dictionary.
func (c *Checker) Terms() []string {
	terms := make([]string, len(c.groups))
	for i, g := range c.groups {
		terms[i] = g.zh
	}
	return terms
}

// segState is what Check learns about one segment before judging it.
type segState struct {
	zhHits []zhHit
	enHits []enHit
	zhNums []numbers.Value // with the document's year filled in
	enNums []numbers.Value
	// rendered maps a group to its rendering in the target (see
	// addRendering).
	rendered map[int]rendering
	// count is how many non-overlapping renderings of each group the
	// target holds, lastEnd where the last one ends.
	count, lastEnd map[int]int
}

// spare reports whether the target renders group g more often than the
// source names it, so that a neighbouring segment may borrow a rendering.
func (st *segState) spare(g int) bool {
	n := 0
	for _, h := range st.zhHits {
		if h.group == g {
			n++
		}
	}
	return st.count[g] > n
}

type rendering struct {
	entry      int // the entry whose rendering was found; -1 for an abbreviation
	text       string
	start, end int
}

// Check checks one input and returns its findings in segment order (within
// a segment: by kind order, then position).
//
// Segments with different Doc values are checked as separate documents
// (abbreviations, consistency, the year of dates and the slack do not
// cross from one to the next).
func (c *Checker) Check(in *Input) []Finding {
	var out []Finding
	for start := 0; start < len(in.Segments); {
		end := start + 1
		for end < len(in.Segments) && in.Segments[end].Doc == in.Segments[start].Doc {
			end++
		}
		doc := *in
		doc.Segments = in.Segments[start:end]
		out = append(out, c.checkDoc(&doc)...)
		start = end
	}
	return out
}

func (c *Checker) checkDoc(in *Input) []Finding {
	states := make([]segState, len(in.Segments))
	year := in.Year
	if year == 0 && c.numbers {
		year = documentYear(in.Segments)
	}
	abbrevs := map[string]int{} // abbreviation → group, as introduced so far
	cache := wordCache{}
	for i := range in.Segments {
		seg := &in.Segments[i]
		st := &states[i]
		st.zhHits = c.zh.find(seg.ZH)
		if seg.NoTarget || seg.EN == "" {
			continue
		}
		if c.numbers {
			st.zhNums = outsideTerms(numbers.Chinese(seg.ZH), st.zhHits)
			if year != 0 {
				st.zhNums = numbers.WithYear(st.zhNums, year)
			}
			st.enNums = numbers.English(seg.EN)
		}
		words, parts := cache.words(seg.EN)
		st.enHits = c.en.find(seg.EN, words)
		if parts != nil {
			st.enHits = mergeHits(st.enHits, c.en.find(seg.EN, parts))
		}
		for _, h := range st.enHits {
			p := &c.en.phrases[h.phrase]
			if p.forbidden {
				continue
			}
			c.addRendering(st, p.group, rendering{entry: p.entry, text: seg.EN[h.start:h.end], start: h.start, end: h.end})
			if a := abbrevAfter(seg.EN, h.end); a != "" {
				if _, ok := abbrevs[a]; !ok {
					abbrevs[a] = p.group
				}
			}
		}
		if len(abbrevs) > 0 {
			for _, w := range words {
				text := seg.EN[w.Start:w.End]
				bare := strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s")
				if g, ok := abbrevs[bare]; ok && !strings.HasSuffix(strings.TrimRight(seg.EN[:w.Start], " "), "(") {
					c.addRendering(st, g, rendering{entry: -1, text: text, start: w.Start, end: w.End})
				}
			}
		}
	}
	var out []Finding
	used := make([]map[int]int, len(c.groups)) // group → entry → uses, for consistency
	for i := range in.Segments {
		seg := &in.Segments[i]
		if seg.NoTarget {
			continue
		}
		st := &states[i]
		base := Finding{File: in.Name, Doc: seg.Doc, Segment: seg.Pos, Line: seg.Line, ID: seg.ID, ZH: seg.ZH, EN: seg.EN}
		if seg.EN != "" && !seg.Uncertain {
			reported := map[int]bool{} // one missing-term per term and segment
			for _, h := range st.zhHits {
				if reported[h.group] {
					continue
				}
				r, ok := st.rendered[h.group]
				for d := 1; !ok && d <= in.Slack; d++ {
					for _, j := range [2]int{i - d, i + d} {
						if !ok && j >= 0 && j < len(states) && states[j].spare(h.group) {
							r, ok = states[j].rendered[h.group]
						}
					}
				}
				g := &c.groups[h.group]
				if len(g.accepted) == 0 {
					continue // only forbidden renderings: nothing to expect
				}
				if ok {
					if c.approved(r.entry) {
						if used[h.group] == nil {
							used[h.group] = map[int]int{}
						}
						used[h.group][r.entry]++
					}
					continue
				}
				reported[h.group] = true
				f := base
				f.Kind, f.ZHTerm, f.Expected, f.Note = MissingTerm, seg.ZH[h.start:h.end], g.expected, g.note
				f.ZHSpan = &Span{h.start, h.end}
				f.Message = fmt.Sprintf("%s is not rendered as %s", f.ZHTerm, quoteList(g.expected))
				out = append(out, f)
			}
		}
		out = append(out, c.forbidden(base, st)...)
		if c.numbers && !seg.Uncertain {
			out = append(out, numberFindings(base, in, states, i)...)
		}
		out = append(out, untranslated(base, seg.EN)...)
	}
	out = append(out, c.inconsistent(in, states, used)...)
	for i := range out {
		out[i].Severity = out[i].Kind.Severity()
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Segment != out[j].Segment {
			return out[i].Segment < out[j].Segment
		}
		return kindRank(out[i].Kind) < kindRank(out[j].Kind)
	})
	return out
}

// mergeHits adds the hits of b that a does not have.
func mergeHits(a, b []enHit) []enHit {
	seen := map[enHit]bool{}
	for _, h := range a {
		seen[h] = true
	}
	for _, h := range b {
		if !seen[h] {
			a = append(a, h)
		}
	}
	sort.Slice(a, func(i, j int) bool {
		if a[i].start != a[j].start {
			return a[i].start < a[j].start
		}
		return a[i].end > a[j].end
	})
	return a
}

// addRendering records the rendering of group g in the segment: the first
// one found, unless a later one is approved and the first only admitted or
// an abbreviation (an approved rendering decides consistency).
func (c *Checker) addRendering(st *segState, g int, r rendering) {
	if st.rendered == nil {
		st.rendered, st.count, st.lastEnd = map[int]rendering{}, map[int]int{}, map[int]int{}
	}
	if end, seen := st.lastEnd[g]; !seen || r.start >= end {
		st.count[g]++
	}
	st.lastEnd[g] = max(st.lastEnd[g], r.end)
	old, ok := st.rendered[g]
	if !ok || !c.approved(old.entry) && c.approved(r.entry) {
		st.rendered[g] = r
	}
}

// approved reports whether entry i is an accepted rendering that is not
// merely admitted; -1 (an abbreviation) is not.
func (c *Checker) approved(i int) bool {
	return i >= 0 && c.entries[i].Status != glossary.Admitted
}

func kindRank(k Kind) int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return len(Kinds)
}

// forbidden reports the forbidden renderings in a target, except those
// inside a longer accepted rendering.
func (c *Checker) forbidden(base Finding, st *segState) []Finding {
	var out []Finding
	for _, h := range st.enHits {
		p := &c.en.phrases[h.phrase]
		if !p.forbidden {
			continue
		}
		covered := false
		for _, o := range st.enHits {
			if !c.en.phrases[o.phrase].forbidden && o.start <= h.start && h.end <= o.end && o.end-o.start > h.end-h.start {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		e := &c.entries[p.entry]
		f := base
		f.Kind, f.Found, f.Note = ForbiddenTerm, base.EN[h.start:h.end], e.Comment
		f.ENSpan = &Span{h.start, h.end}
		if p.group >= 0 {
			g := &c.groups[p.group]
			f.ZHTerm, f.Expected = g.zh, g.expected
			if f.Note == "" {
				f.Note = g.note
			}
			for _, z := range st.zhHits {
				if z.group == p.group {
					f.ZHTerm, f.ZHSpan = base.ZH[z.start:z.end], &Span{z.start, z.end}
					break
				}
			}
		}
		f.Message = fmt.Sprintf("forbidden rendering %q", f.Found)
		if len(f.Expected) > 0 {
			f.Message += "; use " + quoteList(f.Expected)
		}
		out = append(out, f)
	}
	return out
}

// inconsistent reports the segments whose rendering of a term is not the
// one most used in the input (ties: the one first in the glossary).
func (c *Checker) inconsistent(in *Input, states []segState, used []map[int]int) []Finding {
	var out []Finding
	for g, uses := range used {
		if len(uses) < 2 {
			continue
		}
		best := -1
		for e, n := range uses {
			if best < 0 || n > uses[best] || n == uses[best] && e < best {
				best = e
			}
		}
		for i := range in.Segments {
			seg := &in.Segments[i]
			r, ok := states[i].rendered[g]
			if !ok || r.entry == best || !c.approved(r.entry) ||
				seg.NoTarget || !hasGroup(states[i].zhHits, g) {
				continue
			}
			f := Finding{Kind: InconsistentTerm, File: in.Name, Doc: seg.Doc, Segment: seg.Pos, Line: seg.Line, ID: seg.ID, ZH: seg.ZH, EN: seg.EN}
			f.ZHTerm, f.Found, f.Expected, f.Note = c.groups[g].zh, r.text, []string{c.entries[best].EN}, c.groups[g].note
			for _, h := range states[i].zhHits {
				if h.group == g {
					f.ZHTerm = seg.ZH[h.start:h.end]
					f.ZHSpan = &Span{h.start, h.end}
					break
				}
			}
			f.ENSpan = &Span{r.start, r.end}
			f.Message = fmt.Sprintf("%s is rendered %q here but %q in %d other segment(s)",
				f.ZHTerm, r.text, c.entries[best].EN, uses[best])
			out = append(out, f)
		}
	}
	return out
}

func hasGroup(hits []zhHit, g int) bool {
	for _, h := range hits {
		if h.group == g {
			return true
		}
	}
	return false
}

// untranslated reports runs of Chinese characters in a target.
func untranslated(base Finding, en string) []Finding {
	var out []Finding
	for i := 0; i < len(en); {
		r, n := utf8.DecodeRuneInString(en[i:])
		if !unicode.Is(unicode.Han, r) {
			i += n
			continue
		}
		j := i + n
		for j < len(en) {
			r, m := utf8.DecodeRuneInString(en[j:])
			if !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.P, r) && r != ' ' || r < utf8.RuneSelf && unicode.IsPunct(r) {
				break
			}
			j += m
		}
		end := strings.TrimRightFunc(en[i:j], func(r rune) bool { return !unicode.Is(unicode.Han, r) })
		f := base
		f.Kind, f.Found = Untranslated, end
		f.ENSpan = &Span{i, i + len(end)}
		f.Message = fmt.Sprintf("Chinese text %q left in the translation", end)
		out = append(out, f)
		i = j
	}
	return out
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// outsideTerms drops the numbers inside a glossary term of the source
// (三 in 三股势力, 一 in 一带一路): the term's rendering is checked as a
// term, and its number is no quantity the translation must give.
func outsideTerms(nums []numbers.Value, hits []zhHit) []numbers.Value {
	out := nums[:0]
	for _, v := range nums {
		inside := false
		for _, h := range hits {
			if v.Start >= h.start && v.End <= h.end {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, v)
		}
	}
	return out
}
