package align

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/bitext/bitext/corpus"
)

// FormatBead writes a bead in the evaluation format "[zh ids]:[en ids]".
func FormatBead(b Bead) string {
	var sb strings.Builder
	writeIDs(&sb, b.ZH)
	sb.WriteByte(':')
	writeIDs(&sb, b.EN)
	return sb.String()
}

func writeIDs(sb *strings.Builder, ids []int) {
	sb.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(strconv.Itoa(id))
	}
	sb.WriteByte(']')
}

// ReadBeads parses an alignment file in the evaluation format: one bead
// per line, "[zh ids]:[en ids]", ids 0-based, spaces and brackets
// optional (but paired), blank lines and lines starting with # skipped.
// A bead holds at least one sentence, and no sentence is in two beads.
// When nzh and nen are not negative, ids must be below them and every
// sentence must be in a bead. Errors are *corpus.ParseError naming name
// and the line.
func ReadBeads(r io.Reader, name string, nzh, nen int) ([]Bead, error) {
	var beads []Bead
	seenZH, seenEN := make(map[int]int), make(map[int]int) // id → line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	bad := func(format string, args ...any) error {
		return &corpus.ParseError{File: name, Line: line, Offset: -1, Err: fmt.Errorf("%w: "+format, append([]any{corpus.ErrSyntax}, args...)...)}
	}
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		left, right, ok := strings.Cut(text, ":")
		if !ok || strings.Contains(right, ":") {
			return nil, bad("want one ':' in %q", text)
		}
		zh, err := parseIDs(left)
		if err != nil {
			return nil, bad("%v", err)
		}
		en, err := parseIDs(right)
		if err != nil {
			return nil, bad("%v", err)
		}
		if len(zh)+len(en) == 0 {
			return nil, bad("a bead without sentences")
		}
		for _, side := range []struct {
			lang string
			ids  []int
			n    int
			seen map[int]int
		}{{"Chinese", zh, nzh, seenZH}, {"English", en, nen, seenEN}} {
			for _, id := range side.ids {
				if side.n >= 0 && id >= side.n {
					return nil, bad("%s sentence %d does not exist (the document has %d)", side.lang, id, side.n)
				}
				if at, ok := side.seen[id]; ok {
					return nil, bad("%s sentence %d is already in the bead of line %d", side.lang, id, at)
				}
				side.seen[id] = line
			}
		}
		beads = append(beads, Bead{ZH: zh, EN: en})
	}
	if err := sc.Err(); err != nil {
		return nil, &corpus.ParseError{File: name, Line: line + 1, Offset: -1, Err: err}
	}
	for _, side := range []struct {
		lang string
		n    int
		seen map[int]int
	}{{"Chinese", nzh, seenZH}, {"English", nen, seenEN}} {
		for id := range side.n {
			if _, ok := side.seen[id]; !ok {
				return nil, &corpus.ParseError{File: name, Line: line, Offset: -1,
					Err: fmt.Errorf("%w: %s sentence %d is in no bead (the document has %d; a sentence left out is a bead of its own, such as [%d]:[])",
						corpus.ErrSyntax, side.lang, id, side.n, id)}
			}
		}
	}
	return beads, nil
}

func parseIDs(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	open, close := strings.HasPrefix(s, "["), strings.HasSuffix(s, "]")
	if open != close || open && len(s) < 2 {
		return nil, fmt.Errorf("unpaired bracket in %q", s)
	}
	if open {
		s = s[1 : len(s)-1]
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var ids []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("bad sentence id %q", strings.TrimSpace(f))
		}
		ids = append(ids, n)
	}
	return ids, nil
}

// Counts are the raw counts of an evaluation, summed over documents
// (micro-averaging), with exactly the definitions of Vecalign's and
// Bertalign's published evaluation (score_alignment.py):
// precision over all predicted beads; recall over gold beads with both
// sides non-empty (1-0 and 0-1 beads are removed from gold and prediction
// first); a lax hit shares at least one (zh, en) link with the other side.
type Counts struct {
	Pred, Gold, GoldNonNull int
	PStrict, PLax           int
	RStrict, RLax           int
	Exact                   int
	GoldType                map[string]int // bead type "m-n" → gold beads
	GoldTypeStrict          map[string]int
	GoldTypeLax             map[string]int
	PredType                map[string]int
	PredTypeStrict          map[string]int
	Decile                  [10]int // predicted beads by confidence decile
	DecileStrict            [10]int
}

type beadKey struct{ zh, en string }

func keyOf(b Bead) beadKey {
	z, e := slices.Clone(b.ZH), slices.Clone(b.EN)
	slices.Sort(z)
	slices.Sort(e)
	z, e = slices.Compact(z), slices.Compact(e)
	var sb strings.Builder
	writeIDs(&sb, z)
	zs := sb.String()
	sb.Reset()
	writeIDs(&sb, e)
	return beadKey{zs, sb.String()}
}

// TypeOf returns the type of a bead, "m-n".
func TypeOf(b Bead) string {
	z, e := slices.Clone(b.ZH), slices.Clone(b.EN)
	slices.Sort(z)
	slices.Sort(e)
	return fmt.Sprintf("%d-%d", len(slices.Compact(z)), len(slices.Compact(e)))
}

type link struct{ z, e int }

// Add scores one document's predicted beads against its gold beads.
func (c *Counts) Add(gold, pred []Bead) {
	if c.GoldType == nil {
		c.GoldType, c.GoldTypeStrict, c.GoldTypeLax = map[string]int{}, map[string]int{}, map[string]int{}
		c.PredType, c.PredTypeStrict = map[string]int{}, map[string]int{}
	}
	gset, glist := beadSet(gold)
	pset, plist := beadSet(pred)
	goldLinks := links(glist, false)
	predLinks := links(plist, true)
	touches := func(b Bead, ls map[link]bool) bool {
		for _, z := range b.ZH {
			for _, e := range b.EN {
				if ls[link{z, e}] {
					return true
				}
			}
		}
		return false
	}
	c.Pred += len(plist)
	c.Gold += len(glist)
	for _, b := range plist {
		t := TypeOf(b)
		c.PredType[t]++
		d := min(max(int(b.Confidence*10), 0), 9)
		c.Decile[d]++
		if gset[keyOf(b)] {
			c.PStrict++
			c.PLax++
			c.PredTypeStrict[t]++
			c.DecileStrict[d]++
		} else if touches(b, goldLinks) {
			c.PLax++
		}
	}
	for _, b := range glist {
		t := TypeOf(b)
		c.GoldType[t]++
		nonNull := len(b.ZH) > 0 && len(b.EN) > 0
		hit := pset[keyOf(b)]
		if hit {
			c.Exact++
			c.GoldTypeStrict[t]++
		}
		if !nonNull {
			continue
		}
		c.GoldNonNull++
		// strict recall counts only predicted beads with both sides
		if hit {
			c.RStrict++
			c.RLax++
			c.GoldTypeLax[t]++
		} else if touches(b, predLinks) {
			c.RLax++
			c.GoldTypeLax[t]++
		}
	}
}

// beadSet deduplicates beads (as sets of ids) and drops empty ones; the
// first occurrence of a bead is kept, with its confidence.
func beadSet(beads []Bead) (map[beadKey]bool, []Bead) {
	set := map[beadKey]bool{}
	var list []Bead
	for _, b := range beads {
		if len(b.ZH) == 0 && len(b.EN) == 0 {
			continue
		}
		k := keyOf(b)
		if set[k] {
			continue
		}
		set[k] = true
		list = append(list, b)
	}
	return set, list
}

func links(beads []Bead, nonNullOnly bool) map[link]bool {
	ls := map[link]bool{}
	for _, b := range beads {
		for _, z := range b.ZH {
			for _, e := range b.EN {
				ls[link{z, e}] = true
			}
		}
	}
	return ls
}

// Scores are precision, recall and F1 from Counts.
type Scores struct {
	PStrict, RStrict, FStrict float64
	PLax, RLax, FLax          float64
}

// Scores computes micro-averaged precision, recall and F1.
func (c *Counts) Scores() Scores {
	var s Scores
	s.PStrict, s.PLax = div(c.PStrict, c.Pred), div(c.PLax, c.Pred)
	s.RStrict, s.RLax = div(c.RStrict, c.GoldNonNull), div(c.RLax, c.GoldNonNull)
	s.FStrict, s.FLax = f1(s.PStrict, s.RStrict), f1(s.PLax, s.RLax)
	return s
}

// Merge adds other's counts to c.
func (c *Counts) Merge(o *Counts) {
	c.Pred += o.Pred
	c.Gold += o.Gold
	c.GoldNonNull += o.GoldNonNull
	c.PStrict += o.PStrict
	c.PLax += o.PLax
	c.RStrict += o.RStrict
	c.RLax += o.RLax
	c.Exact += o.Exact
	for _, p := range []struct {
		dst *map[string]int
		src map[string]int
	}{
		{&c.GoldType, o.GoldType}, {&c.GoldTypeStrict, o.GoldTypeStrict}, {&c.GoldTypeLax, o.GoldTypeLax},
		{&c.PredType, o.PredType}, {&c.PredTypeStrict, o.PredTypeStrict},
	} {
		if *p.dst == nil {
			*p.dst = map[string]int{}
		}
		for k, v := range p.src {
			(*p.dst)[k] += v
		}
	}
	for d := range c.Decile {
		c.Decile[d] += o.Decile[d]
		c.DecileStrict[d] += o.DecileStrict[d]
	}
}

func div(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
