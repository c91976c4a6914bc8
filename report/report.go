// Package report writes self-contained HTML reports that people review
// alignments, check findings and concordances with: one file, inline CSS and
// JavaScript, no network access, opened straight from disk.
//
// # Alignment report
//
// WriteAlignment renders an Alignment: the Chinese and English texts side by
// side, one row per bead, with the bead type and confidence, low-confidence
// beads marked, sentences left unaligned shown on their own side, glossary
// terms highlighted on both sides (the entry in the tooltip), and check
// findings flagged on their row with the expected rendering. A summary header
// counts documents, sentences, beads by type, low-confidence beads and
// findings by kind. Filters show only low-confidence rows, only rows with
// findings, one document, or rows containing a search string.
//
// # How the page stays fast
//
// The page carries its data as one JSON object in a
// <script type="application/json"> element (encoding/json escapes <, > and &,
// so no string in the data can close the element) and renders rows in chunks
// of 150 as the reader scrolls (an IntersectionObserver on a sentinel below
// the last row). The first screen therefore costs the same for 100 beads and
// for 10,000: parsing the JSON and building 150 rows. All text reaches the
// page through textContent, never innerHTML.
//
// Term highlighting is computed here, not in the browser, with the same
// comparison forms the checker uses: Chinese terms match through
// Traditional→Simplified folding (corpus/norm.Simplify) and full-width
// folding, English terms word by word through corpus/norm.TermKey (case,
// plurals, UK/US spelling, hyphens). A sentence travels as a list of pieces,
// each either plain text or a [term index, text] pair.
package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
)

// DefaultLowConfidence is the confidence below which a bead is marked low
// when Alignment.LowConfidence is zero.
const DefaultLowConfidence = 0.85

// NoConfidence as a bead's confidence means it is unknown (segments read from
// a TSV or TMX file): the report shows no confidence and never marks the row
// low.
const NoConfidence = -1.0

// TermHighlight is a glossary entry to highlight: ZH in Chinese sentences,
// EN in English ones. Note is shown with the entry on hover (a status, a
// comment). A forbidden rendering is marked in red wherever it occurs.
type TermHighlight struct {
	ZH, EN    string
	Note      string
	Forbidden bool
}

// Flag is a check finding shown on a row.
type Flag struct {
	Bead     int    // index into the document's Beads
	Kind     string // missing-term, forbidden-term, number-mismatch, …
	Severity string // error, warning, info
	Term     string // the Chinese term (or number) concerned, if any
	Expected string // the rendering the glossary asks for, if any
	Found    string // what the translation has instead, if known
	Message  string // one line for people
}

// Doc is one document pair of an alignment: its sentences, its beads (which
// index the sentences) and the findings on them.
type Doc struct {
	Name   string
	ZH, EN []corpus.Sentence
	Beads  []align.Bead
	Flags  []Flag
}

// Stat is one extra labelled figure for the summary header.
type Stat struct {
	Label, Value string
}

// Summary is what the header says besides the counts the report computes
// itself.
type Summary struct {
	Generated time.Time     // when the report was made; zero: not shown
	Elapsed   time.Duration // how long the work took; zero: not shown
	Stats     []Stat        // further figures, shown in order
}

// Alignment is the input of an alignment or check report.
type Alignment struct {
	Title         string
	Docs          []Doc
	Terms         []TermHighlight
	Summary       Summary
	LowConfidence float64 // beads below it are marked; 0 means DefaultLowConfidence
}

// Segments returns a Doc of pre-aligned segment pairs (a TSV, a TMX): one
// 1-1 bead per pair with unknown confidence. zh and en must have the same
// length; a pair with an empty side becomes a 1-0 or 0-1 bead.
func Segments(name string, zh, en []string) Doc {
	d := Doc{Name: name}
	for i := range min(len(zh), len(en)) {
		b := align.Bead{Confidence: NoConfidence}
		if zh[i] != "" {
			b.ZH = []int{len(d.ZH)}
			d.ZH = append(d.ZH, corpus.Sentence{Text: zh[i], Lang: corpus.Chinese})
		}
		if en[i] != "" {
			b.EN = []int{len(d.EN)}
			d.EN = append(d.EN, corpus.Sentence{Text: en[i], Lang: corpus.English})
		}
		d.Beads = append(d.Beads, b)
	}
	return d
}

// BeadType returns a bead's type as "zh-en" sentence counts: "1-1", "2-1",
// "0-1".
func BeadType(b align.Bead) string {
	return strconv.Itoa(len(b.ZH)) + "-" + strconv.Itoa(len(b.EN))
}

// piece is a run of sentence text: a plain string or a [term, text] pair.
type piece = any

// row is one bead as the page sees it. Field names are short: a 10,000-bead
// report carries them 10,000 times.
type row struct {
	Doc  int       `json:"d"`
	ZH   [][]piece `json:"z"`
	EN   [][]piece `json:"e"`
	ZHID []int     `json:"zi"`
	ENID []int     `json:"ei"`
	Type string    `json:"t"`
	Conf float64   `json:"c"` // -1: unknown
	Low  bool      `json:"l,omitempty"`
	Flag []int     `json:"f,omitempty"` // indexes into data.Flags
}

type flagData struct {
	Row      int    `json:"row"`
	Kind     string `json:"kind"`
	Severity string `json:"severity,omitempty"`
	Term     string `json:"term,omitempty"`
	Expected string `json:"expected,omitempty"`
	Found    string `json:"found,omitempty"`
	Message  string `json:"message,omitempty"`
}

type termData struct {
	ZH        string `json:"zh"`
	EN        string `json:"en"`
	Note      string `json:"note,omitempty"`
	Forbidden bool   `json:"forbidden,omitempty"`
}

type countData struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

// data is the JSON object embedded in the page.
type data struct {
	Title     string      `json:"title"`
	Low       float64     `json:"low"`
	Docs      []string    `json:"docs"`
	Terms     []termData  `json:"terms"`
	Rows      []row       `json:"rows"`
	Flags     []flagData  `json:"flags"`
	Types     []countData `json:"types"`
	Kinds     []countData `json:"kinds"`
	Stats     []Stat      `json:"stats"`
	ZHCount   int         `json:"zhSentences"`
	ENCount   int         `json:"enSentences"`
	LowCount  int         `json:"lowBeads"`
	Generated string      `json:"generated,omitempty"`
	Elapsed   string      `json:"elapsed,omitempty"`
}

// build turns an Alignment into the page's data.
func build(a *Alignment) (*data, error) {
	low := a.LowConfidence
	if low == 0 {
		low = DefaultLowConfidence
	}
	hl := newHighlighter(a.Terms)
	d := &data{Title: a.Title, Low: low, Docs: []string{}, Terms: []termData{}, Rows: []row{}, Flags: []flagData{}, Stats: a.Summary.Stats}
	if d.Stats == nil {
		d.Stats = []Stat{}
	}
	for _, t := range a.Terms {
		d.Terms = append(d.Terms, termData{ZH: t.ZH, EN: t.EN, Note: t.Note, Forbidden: t.Forbidden})
	}
	types := map[string]int{}
	kinds := map[string]int{}
	for di, doc := range a.Docs {
		d.Docs = append(d.Docs, doc.Name)
		d.ZHCount += len(doc.ZH)
		d.ENCount += len(doc.EN)
		first := len(d.Rows)
		for bi, b := range doc.Beads {
			r := row{Doc: di, ZHID: orEmpty(b.ZH), ENID: orEmpty(b.EN), Type: BeadType(b), Conf: b.Confidence, ZH: [][]piece{}, EN: [][]piece{}}
			if b.Confidence < 0 {
				r.Conf = NoConfidence
			} else {
				r.Conf = float64(int(b.Confidence*1000+0.5)) / 1000
				r.Low = b.Confidence < low
			}
			if r.Low {
				d.LowCount++
			}
			for _, i := range b.ZH {
				if i < 0 || i >= len(doc.ZH) {
					return nil, fmt.Errorf("report: %s: bead %d names Chinese sentence %d of %d", doc.Name, bi, i, len(doc.ZH))
				}
				r.ZH = append(r.ZH, hl.zh(doc.ZH[i].Text))
			}
			for _, i := range b.EN {
				if i < 0 || i >= len(doc.EN) {
					return nil, fmt.Errorf("report: %s: bead %d names English sentence %d of %d", doc.Name, bi, i, len(doc.EN))
				}
				r.EN = append(r.EN, hl.en(doc.EN[i].Text))
			}
			types[r.Type]++
			d.Rows = append(d.Rows, r)
		}
		for _, f := range doc.Flags {
			if f.Bead < 0 || f.Bead >= len(doc.Beads) {
				return nil, fmt.Errorf("report: %s: finding %q on bead %d of %d", doc.Name, f.Kind, f.Bead, len(doc.Beads))
			}
			ri := first + f.Bead
			d.Rows[ri].Flag = append(d.Rows[ri].Flag, len(d.Flags))
			d.Flags = append(d.Flags, flagData{Row: ri, Kind: f.Kind, Severity: f.Severity, Term: f.Term, Expected: f.Expected, Found: f.Found, Message: f.Message})
			kinds[f.Kind]++
		}
	}
	d.Types = sortedCounts(types)
	d.Kinds = sortedCounts(kinds)
	if !a.Summary.Generated.IsZero() {
		d.Generated = a.Summary.Generated.UTC().Format("2006-01-02 15:04 UTC")
	}
	if a.Summary.Elapsed > 0 {
		d.Elapsed = a.Summary.Elapsed.Round(time.Millisecond).String()
	}
	return d, nil
}

func orEmpty(ids []int) []int {
	if ids == nil {
		return []int{}
	}
	return ids
}

// sortedCounts lists a count map in a fixed order: by count, descending,
// then by label.
func sortedCounts(m map[string]int) []countData {
	out := make([]countData, 0, len(m))
	for k, n := range m {
		out = append(out, countData{k, n})
	}
	slices.SortFunc(out, func(a, b countData) int {
		if a.N != b.N {
			return b.N - a.N
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

// page is what the HTML template sees.
type page struct {
	Title string
	Kind  string // "alignment" or "concordance": selects the renderer in the script
	CSS   template.CSS
	JS    template.JS
	Data  template.JS
}

// WriteAlignment writes the alignment report for a as one HTML page.
func WriteAlignment(w io.Writer, a *Alignment) error {
	d, err := build(a)
	if err != nil {
		return err
	}
	title := a.Title
	if title == "" {
		title = "bitext alignment"
	}
	return writePage(w, title, "alignment", d)
}

// writePage renders the page shell around data v.
func writePage(w io.Writer, title, kind string, v any) error {
	js, err := json.Marshal(v) // escapes <, > and &: safe inside <script>
	if err != nil {
		return err
	}
	return pageTemplate.Execute(w, page{
		Title: title,
		Kind:  kind,
		CSS:   template.CSS(styleCSS),
		JS:    template.JS(scriptJS),
		Data:  template.JS(js),
	})
}
