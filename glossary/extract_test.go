package glossary

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/cedict"
	"github.com/bitext/bitext/corpus/segment"
	"github.com/bitext/bitext/corpus/tm"
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &Extractor{Segmenter: seg, Dict: cedict.Load()}
}

func xinhua(t testing.TB) []Bead {
	t.Helper()
	beads, err := ReadCorpus(filepath.Join("..", "testdata", "glossary", "xinhua.tsv"), 0)
	if err != nil {
		t.Fatal(err)
	}
	return beads
}

func find(entries []Entry, zh string) *Entry {
	for i := range entries {
		if entries[i].ZH == zh {
			return &entries[i]
		}
	}
	return nil
}

// TestXinhuaTerms: the coordinated term comes out whole, and both nested
// terms keep their own renderings.
func TestXinhuaTerms(t *testing.T) {
	t.Parallel()
	entries, err := testExtractor(t).Extract(context.Background(), xinhua(t))
	if err != nil {
		t.Fatal(err)
	}
	for zh, en := range map[string]string{
		"三股势力":    "terrorism, separatism and extremism",
		"人类命运共同体": "community with a shared future for mankind",
		"命运共同体":   "community with a shared future",
		"孔子学院":    "Confucius Institute",
		"互联互通":    "connectivity",
	} {
		e := find(entries, zh)
		if e == nil {
			t.Errorf("%s: missing", zh)
			continue
		}
		if e.EN != en {
			t.Errorf("%s ↔ %q, want %q", zh, e.EN, en)
		}
		if e.Status != New || e.PairFreq < 2 || e.Consistency <= 0 || len(e.Examples) == 0 || e.Examples[0].Doc == "" {
			t.Errorf("%s: evidence missing: %+v", zh, e)
		}
	}
	// No fragment of the coordinated term is proposed for it.
	for _, e := range entries {
		if (e.ZH == "三股" || e.ZH == "势力") && strings.Contains(e.EN, "extremism") {
			t.Errorf("fragment %s ↔ %s", e.ZH, e.EN)
		}
	}
	// Deterministic order: score, then zh, then en.
	for i := 1; i < len(entries); i++ {
		a, b := entries[i-1], entries[i]
		if a.Score < b.Score || a.Score == b.Score && (a.ZH > b.ZH || a.ZH == b.ZH && a.EN > b.EN) {
			t.Fatalf("entries %d and %d out of order: %+v %+v", i-1, i, a, b)
		}
	}
}

// TestMergeable: counting two halves separately and merging the tables
// gives exactly what counting the whole corpus gives.
func TestMergeable(t *testing.T) {
	t.Parallel()
	x := testExtractor(t)
	beads := xinhua(t)
	half := len(beads) / 2
	whole := x.CountTerms(beads)
	parts := x.CountTerms(beads[:half])
	parts.Merge(x.CountTerms(beads[half:]))
	if !reflect.DeepEqual(whole, parts) {
		t.Fatal("merged term counts differ from whole-corpus counts")
	}
	v := x.Vocabulary(whole)
	pw := x.CountPairs(beads, v)
	pp := x.CountPairs(beads[:half], v)
	pp.Merge(x.CountPairs(beads[half:], v))
	if !reflect.DeepEqual(pw, pp) {
		t.Fatal("merged pair counts differ from whole-corpus counts")
	}
	gw := x.Glossary(v, pw, beadLookup(beads))
	gp := x.Glossary(v, pp, beadLookup(beads))
	if !reflect.DeepEqual(gw, gp) {
		t.Fatal("glossary from merged counts differs")
	}
	// One worker or many: the same glossary.
	one := *x
	one.Workers = 1
	g1, err := one.Extract(context.Background(), beads)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g1, gw) {
		t.Fatal("glossary depends on the number of workers")
	}
}

// TestCurationRoundTrip: approve, reject and forbid some pairs, write the
// glossary, rerun with it: nothing decided is lost or proposed again.
func TestCurationRoundTrip(t *testing.T) {
	t.Parallel()
	x := testExtractor(t)
	beads := xinhua(t)
	first, err := x.Extract(context.Background(), beads)
	if err != nil {
		t.Fatal(err)
	}
	decide := map[string]Status{"孔子学院": Approved, "市场": Rejected, "互联互通": Forbidden}
	for i := range first {
		if s, ok := decide[first[i].ZH]; ok {
			first[i].Status = s
			first[i].Comment = "checked by a terminologist"
		}
	}
	// A hand-added approved entry with a different rendering of a term the
	// extractor finds: the candidate must be flagged as a conflict.
	first = append(first, Entry{ZH: "三股势力", EN: "three evil forces", Status: Approved})
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, format, first); err != nil {
			t.Fatal(err)
		}
		existing, err := Read(&buf, "existing."+format)
		if err != nil {
			t.Fatal(err)
		}
		again, err := x.Extract(context.Background(), beads)
		if err != nil {
			t.Fatal(err)
		}
		cur := Curate(again, existing)
		for zh, s := range decide {
			n := 0
			for _, e := range cur {
				if e.ZH == zh {
					n++
					if e.Status != s || e.Comment != "checked by a terminologist" {
						t.Errorf("%s: %s entry came back as %+v", format, zh, e)
					}
				}
			}
			if n != 1 {
				t.Errorf("%s: %s occurs %d times after curation, want once", format, zh, n)
			}
		}
		var conflict, kept bool
		for _, e := range cur {
			if e.ZH == "三股势力" && e.Status == New {
				conflict = e.Conflict == "three evil forces"
			}
			if e.ZH == "三股势力" && e.EN == "three evil forces" && e.Status == Approved {
				kept = true
			}
		}
		if !conflict || !kept {
			t.Errorf("%s: conflict flagged %v, approved entry kept %v", format, conflict, kept)
		}
	}
}

func TestReadCorpusErrors(t *testing.T) {
	t.Parallel()
	oneSide := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
<body><tu><tuv xml:lang="zh-CN"><seg>外汇基金</seg></tuv></tu></body></tmx>`
	for _, tc := range []struct {
		name, in string
		format   tm.Format
	}{
		{"one-side.tmx", oneSide, tm.TMX},
		{"empty.tsv", "", tm.TSV},
		{"blank.jsonl", "\n\n", tm.JSONL},
	} {
		_, err := ReadUnits(strings.NewReader(tc.in), tc.name, tc.format, 0)
		var pe *corpus.ParseError
		if !errors.As(err, &pe) || pe.File != tc.name {
			t.Errorf("%s: error %v, want a ParseError naming the file", tc.name, err)
		}
	}
	if _, err := ReadCorpora(nil); !errors.Is(err, ErrNoInput) {
		t.Errorf("no inputs: %v", err)
	}
	if _, err := testExtractor(t).Extract(context.Background(), nil); !errors.Is(err, corpus.ErrEmpty) {
		t.Errorf("empty corpus: %v", err)
	}
}

func TestParagraphBeads(t *testing.T) {
	t.Parallel()
	in := `{"zh": "第一段。\n\n第二段。", "en": "First paragraph.\n\nSecond paragraph.", "doc": "d1"}` + "\n"
	beads, err := ReadUnits(strings.NewReader(in), "x.jsonl", tm.JSONL, 5)
	if err != nil {
		t.Fatal(err)
	}
	want := []Bead{{Seq: 5, Doc: "d1", ZH: "第一段。", EN: "First paragraph."}, {Seq: 6, Doc: "d1", ZH: "第二段。", EN: "Second paragraph."}}
	if !reflect.DeepEqual(beads, want) {
		t.Errorf("got %+v", beads)
	}
}

// synthetic returns n generated sentence pairs built from a fixed set of
// terms in varied frames, with a date per document of 50 pairs.
func synthetic(n int) []Bead {
	terms := [][2]string{
		{"外汇基金", "Exchange Fund"}, {"存款保障计划", "Deposit Protection Scheme"},
		{"储值支付工具", "stored value facilities"}, {"联系汇率制度", "Linked Exchange Rate System"},
		{"金融科技", "fintech"}, {"互联互通", "connectivity"}, {"孔子学院", "Confucius Institute"},
		{"命运共同体", "community with a shared future"}, {"基础设施", "infrastructure"},
		{"人民币业务", "renminbi business"}, {"网络安全", "cybersecurity"}, {"绿色金融", "green finance"},
	}
	frames := [][2]string{
		{"金管局今年继续推进%s的工作。", "The HKMA continued its work on %s this year."},
		{"政府表示将加强%s建设。", "The government said it would strengthen %s."},
		{"各方同意深化%s合作，促进共同发展。", "All parties agreed to deepen cooperation on %s and promote common development."},
		{"专家认为%s对市场稳定十分重要。", "Experts believe %s is very important to market stability."},
		{"报告介绍了%s的最新进展。", "The report described the latest progress of %s."},
	}
	r := rand.New(rand.NewPCG(1, 2))
	beads := make([]Bead, n)
	for i := range beads {
		t, f := terms[r.IntN(len(terms))], frames[r.IntN(len(frames))]
		t2 := terms[r.IntN(len(terms))]
		beads[i] = Bead{
			Seq: i, Doc: fmt.Sprintf("doc%05d", i/50), Date: fmt.Sprintf("2024-%02d-%02d", 1+i/50%12, 1+i%28),
			ZH: fmt.Sprintf(f[0], t[0]) + "此外，" + t2[0] + "也有所发展。",
			EN: fmt.Sprintf(f[1], t[1]) + " In addition, " + t2[1] + " also developed.",
		}
	}
	return beads
}

func TestSyntheticDates(t *testing.T) {
	t.Parallel()
	entries, err := testExtractor(t).Extract(context.Background(), synthetic(2000))
	if err != nil {
		t.Fatal(err)
	}
	e := find(entries, "外汇基金")
	if e == nil || e.EN != "Exchange Fund" || e.FirstSeen != "2024-01-01" || e.LastSeen == "" {
		t.Errorf("外汇基金: %+v", e)
	}
}

// BenchmarkExtract100k extracts a glossary from 100,000 generated sentence
// pairs and reports the peak heap.
func BenchmarkExtract100k(b *testing.B) {
	if testing.Short() {
		b.Skip("100,000 pairs")
	}
	x := testExtractor(b)
	beads := synthetic(100_000)
	size := 0
	for _, bd := range beads {
		size += len(bd.ZH) + len(bd.EN)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		entries, err := x.Extract(context.Background(), beads)
		if err != nil || len(entries) == 0 {
			b.Fatal(err, len(entries))
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapSys)/(1<<20), "heap-MiB")
}
