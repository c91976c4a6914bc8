package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/glossary/check"
)

// zhTexts and enTexts are the sentences synthetic reports cycle through.
var zhTexts = []string{
	"习近平指出，双方要共同推进“一带一路”建设，持续提升互联互通水平。",
	"中方愿同各方一道，构建人类命运共同体。",
	"双方将加大力度打击“三股势力”，维护地区安全稳定。",
	"今年前五个月，双边贸易额同比增长12.5%。",
	"會議在香港舉行，與會者討論了一帶一路倡議。",
}

var enTexts = []string{
	"Xi said the two sides should jointly advance the Belt and Road Initiative and keep improving connectivity.",
	"China is ready to work with all parties to build a community with a shared future for mankind.",
	"The two sides will step up efforts to combat terrorism, separatism and extremism.",
	"Bilateral trade grew 12.5 percent year on year in the first five months.",
	"The meeting was held in Hong Kong, where participants discussed the Belt-and-Road initiatives.",
}

var confCycle = []float64{0.97, 0.88, 0.71, 0.52, 0.31}

var testTerms = []TermHighlight{
	{ZH: "一带一路", EN: "Belt and Road Initiative", Note: "approved"},
	{ZH: "互联互通", EN: "connectivity"},
	{ZH: "人类命运共同体", EN: "community with a shared future for mankind"},
	{ZH: "命运共同体", EN: "community with a shared future"},
	{ZH: "三股势力", EN: "terrorism, separatism and extremism"},
}

// synthetic returns a report of n beads in docs documents: mostly 1-1, every
// 7th bead 1-2, every 11th an unaligned Chinese sentence, every 13th an
// unaligned English one; confidence cycles so that every 5th bead is low;
// every 17th bead carries a finding.
//
// The confidences cycle through confCycle: the bead is low iff k%5 == 4.
func synthetic(n, docs int) *Alignment {
	a := &Alignment{Title: fmt.Sprintf("synthetic %d beads", n), Terms: testTerms,
		Summary: Summary{Generated: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Elapsed: 1234 * time.Millisecond}}
	per := (n + docs - 1) / docs
	for d := 0; d < docs; d++ {
		doc := Doc{Name: fmt.Sprintf("doc-%03d", d)}
		for b := 0; b < per && d*per+b < n; b++ {
			k := d*per + b
			bead := align.Bead{Confidence: confCycle[k%len(confCycle)]}
			addZH := func() {
				bead.ZH = append(bead.ZH, len(doc.ZH))
				doc.ZH = append(doc.ZH, corpus.Sentence{Text: zhTexts[k%len(zhTexts)], Lang: corpus.Chinese})
			}
			addEN := func(i int) {
				bead.EN = append(bead.EN, len(doc.EN))
				doc.EN = append(doc.EN, corpus.Sentence{Text: enTexts[i%len(enTexts)], Lang: corpus.English})
			}
			switch {
			case k%11 == 10:
				addZH()
			case k%13 == 12:
				addEN(k)
			case k%7 == 6:
				addZH()
				addEN(k)
				addEN(k + 1)
			default:
				addZH()
				addEN(k)
			}
			if k%17 == 16 {
				doc.Flags = append(doc.Flags, Flag{Bead: b, Kind: "missing-term", Severity: "error", Term: "一带一路",
					Expected: "Belt and Road Initiative", Found: "One Belt One Road", Message: "the glossary rendering is missing"})
			}
			doc.Beads = append(doc.Beads, bead)
		}
		a.Docs = append(a.Docs, doc)
	}
	return a
}

func TestHighlight(t *testing.T) {
	t.Parallel()
	h := newHighlighter(testTerms)
	tests := []struct {
		zh   bool
		in   string
		want []piece
	}{
		{true, "构建人类命运共同体和命运共同体", []piece{"构建", []any{2, "人类命运共同体"}, "和", []any{3, "命运共同体"}}},
		{true, "會議討論了一帶一路倡議", []piece{"會議討論了", []any{0, "一帶一路"}, "倡議"}},
		{true, "没有术语", []piece{"没有术语"}},
		{false, "the Belt-and-Road initiatives and Connectivity.", []piece{"the ", []any{0, "Belt-and-Road initiatives"}, " and ", []any{1, "Connectivity"}, "."}},
		{false, "combat terrorism, separatism and extremism", []piece{"combat ", []any{4, "terrorism, separatism and extremism"}}},
		{false, "separatism and extremism", []piece{"separatism and extremism"}},
	}
	for _, tt := range tests {
		var got []piece
		if tt.zh {
			got = h.zh(tt.in)
		} else {
			got = h.en(tt.in)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

// dataOf extracts the JSON data embedded in a report page.
func dataOf(t *testing.T, page string) map[string]any {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="data">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no data element in page")
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
		t.Fatalf("data: %v", err)
	}
	return v
}

func TestWriteAlignment(t *testing.T) {
	t.Parallel()
	a := synthetic(40, 2)
	var buf bytes.Buffer
	if err := WriteAlignment(&buf, a); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<!DOCTYPE html>", "Noto Sans CJK SC", "Microsoft YaHei", "<title>synthetic 40 beads</title>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if regexp.MustCompile(`(?i)<(link|img|script)[^>]+(src|href)=`).MatchString(page) {
		t.Error("page loads an external resource")
	}
	d := dataOf(t, page)
	if got := len(d["rows"].([]any)); got != 40 {
		t.Errorf("rows: %d, want 40", got)
	}
	if got := len(d["flags"].([]any)); got != 2 { // beads 16 and 33
		t.Errorf("flags: %d, want 2", got)
	}
	low := 0
	for _, doc := range a.Docs {
		for _, b := range doc.Beads {
			if b.Confidence < DefaultLowConfidence {
				low++
			}
		}
	}
	if got := int(d["lowBeads"].(float64)); got != low {
		t.Errorf("lowBeads: %d, want %d", got, low)
	}
}

// TestEscaping: text that looks like markup stays text, and no string can
// close the data element.
func TestEscaping(t *testing.T) {
	t.Parallel()
	evil := `</script><script>alert(1)</script><!-- & "quotes" 'single' \u2028`
	a := &Alignment{Title: evil, Docs: []Doc{Segments("<b>doc</b>", []string{evil + "一带一路"}, []string{evil + "\u2028\u2029"})},
		Terms: []TermHighlight{{ZH: "一带一路", EN: "Belt and Road", Note: evil}}}
	a.Docs[0].Flags = []Flag{{Bead: 0, Kind: evil, Message: evil}}
	var buf bytes.Buffer
	if err := WriteAlignment(&buf, a); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if n := strings.Count(page, "</script>"); n != 2 {
		t.Errorf("page has %d </script>, want 2 (data and code)", n)
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("unescaped markup in page")
	}
	if !strings.Contains(page, "<title>"+html.EscapeString(evil)) && !strings.Contains(page, "<title>&lt;/script&gt;") {
		t.Error("title not escaped")
	}
	d := dataOf(t, page)
	if got := d["title"].(string); got != evil {
		t.Errorf("title round trip: %q", got)
	}
}

func TestBadBeads(t *testing.T) {
	t.Parallel()
	a := &Alignment{Docs: []Doc{{Name: "x", Beads: []align.Bead{{ZH: []int{0}}}}}}
	if err := WriteAlignment(&bytes.Buffer{}, a); err == nil || !strings.Contains(err.Error(), "x: bead 0") {
		t.Errorf("bead beyond the sentences: err = %v", err)
	}
	a = &Alignment{Docs: []Doc{{Name: "y", Flags: []Flag{{Bead: 3}}}}}
	if err := WriteAlignment(&bytes.Buffer{}, a); err == nil {
		t.Error("finding beyond the beads: no error")
	}
}

func BenchmarkWriteAlignment10k(b *testing.B) {
	a := synthetic(10000, 10)
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteAlignment(&buf, a); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func TestCheckDoc(t *testing.T) {
	t.Parallel()
	in := &check.Input{Name: "t.tsv", Segments: []check.Segment{
		{Pos: 3, ZH: "共建一带一路", EN: "jointly build the One Belt One Road"},
		{Pos: 5, ZH: "互联互通", EN: "connectivity"},
	}}
	fs := []check.Finding{
		{Kind: check.ForbiddenTerm, Severity: check.Error, File: "t.tsv", Segment: 3, ZHTerm: "一带一路", Expected: []string{"Belt and Road Initiative", "Belt and Road"}, Found: "One Belt One Road"},
		{Kind: check.MissingTerm, File: "other.tsv", Segment: 5},
	}
	d := CheckDoc(in, fs)
	if len(d.Beads) != 2 || len(d.Flags) != 1 {
		t.Fatalf("%d beads, %d flags", len(d.Beads), len(d.Flags))
	}
	if f := d.Flags[0]; f.Bead != 0 || f.Expected != "Belt and Road Initiative | Belt and Road" || f.Kind != "forbidden-term" {
		t.Errorf("flag %+v", f)
	}
	terms := GlossaryTerms([]glossary.Entry{{ZH: "一带一路", EN: "Belt and Road Initiative", Status: glossary.Approved, Comment: "house"}, {ZH: "x", EN: "y", Status: glossary.Rejected}})
	if len(terms) != 1 || terms[0].Note != "approved; house" {
		t.Errorf("terms %+v", terms)
	}
}
