package report

import (
	"io"
	"slices"
	"time"

	"github.com/bitext/bitext/corpus"
)

// concordRow is one hit as the page sees it: its group, where it came from,
// and both sides cut into pieces (term index 0 = the query, 1 = the
// rendering).
type concordRow struct {
	Group int       `json:"g"`
	Doc   string    `json:"doc,omitempty"`
	ZH    [][]piece `json:"z"`
	EN    [][]piece `json:"e"`
}

// z and e hold one "sentence" each; the alignment renderer's shape is kept
// so that both pages cut text the same way.

type concordGroup struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

type concordData struct {
	Term      string         `json:"term"`
	Side      string         `json:"side"`
	Searched  int            `json:"searched"`
	Groups    []concordGroup `json:"groups"`
	Rows      []concordRow   `json:"rows"`
	Generated string         `json:"generated,omitempty"`
	Elapsed   string         `json:"elapsed,omitempty"`
}

// WriteConcordance writes c (found in pairs) as one HTML page: the summary
// line as the title, the groups as chips that show or hide their rows, and
// the hits grouped by rendering, the term and its rendering marked.
func WriteConcordance(w io.Writer, pairs []Pair, c *Concordance, sum Summary) error {
	d := concordData{Term: c.Term, Side: string(c.Side), Searched: c.Searched, Groups: []concordGroup{}, Rows: []concordRow{}}
	for _, g := range c.Groups {
		d.Groups = append(d.Groups, concordGroup{Label: g.Label, N: g.Count})
	}
	hits := slices.Clone(c.Hits)
	slices.SortStableFunc(hits, func(a, b Hit) int { return a.Group - b.Group })
	for _, h := range hits {
		p := pairs[h.Pair]
		zhSpans, enSpans := h.TermSpans, h.RendSpans
		if c.Side == corpus.English {
			zhSpans, enSpans = enSpans, zhSpans
		}
		zt, et := 0, 1
		if c.Side == corpus.English {
			zt, et = 1, 0
		}
		doc := p.Doc
		if p.ID != "" {
			doc += "#" + p.ID
		}
		d.Rows = append(d.Rows, concordRow{
			Group: h.Group,
			Doc:   doc,
			ZH:    [][]piece{cut(p.ZH, marked(zhSpans, zt))},
			EN:    [][]piece{cut(p.EN, marked(enSpans, et))},
		})
	}
	if !sum.Generated.IsZero() {
		d.Generated = sum.Generated.UTC().Format("2006-01-02 15:04 UTC")
	}
	if sum.Elapsed > 0 {
		d.Elapsed = sum.Elapsed.Round(time.Millisecond).String()
	}
	return writePage(w, c.Summary(), "concordance", d)
}

// marked turns spans into highlight spans of one term index, sorted.
func marked(spans []Span, term int) []span {
	out := make([]span, 0, len(spans))
	for _, s := range spans {
		out = append(out, span{s.Start, s.End, term})
	}
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	return out
}
