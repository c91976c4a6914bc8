package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/corpus/batch/batchtest"
)

func write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func ids(pairs []Pair) []string {
	var out []string
	for _, p := range pairs {
		out = append(out, p.ID)
	}
	return out
}

func TestCollect(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir+"/news/zh/b.txt", "乙")
	write(t, dir+"/news/en/b.txt", "B")
	write(t, dir+"/news/zh/a.txt", "甲")
	write(t, dir+"/news/en/a.txt", "A")
	write(t, dir+"/news/zh/only-zh.txt", "丙")
	write(t, dir+"/news/en/.hidden", "x")
	write(t, dir+"/side/x.zh.md", "甲")
	write(t, dir+"/side/x.en.md", "A")
	write(t, dir+"/side/y.en.txt", "B")
	write(t, dir+"/m/list.tsv", "# id\tzh\ten\n\nd1\t../news/zh/a.txt\t../news/en/a.txt\n")
	write(t, dir+"/bad.tsv", "d1\tonly-two\n")
	write(t, dir+"/m/mixed.tsv", "d1\t../news/zh/a.txt\t../news/en/a.txt\nd2\tonly-two\n")
	write(t, dir+"/r.jsonl", `{"zh":"甲","en":"A"}`+"\n\n"+`{"id":7,"zh":"乙","en":"B"}`+"\n")

	for _, tc := range []struct {
		sources []string
		ids     []string
		failed  []string
	}{
		{[]string{dir + "/news"}, []string{"a.txt", "b.txt"}, []string{"only-zh.txt"}},
		{[]string{dir + "/side"}, []string{"x"}, []string{"y"}},
		{[]string{dir + "/side/x.zh.md"}, []string{"x"}, nil},
		{[]string{dir + "/m/list.tsv"}, []string{"d1"}, nil},
		{[]string{dir + "/m/mixed.tsv"}, []string{"d1"}, []string{"d2"}}, // a malformed line is skipped
		{[]string{dir + "/r.jsonl"}, []string{"r-1", "r-3"}, nil},
		{[]string{dir + "/news", dir + "/r.jsonl"}, []string{"news/a.txt", "news/b.txt", "r/r-1", "r/r-3"}, []string{"news/only-zh.txt"}},
	} {
		pairs, failed, err := Collect(tc.sources)
		if err != nil {
			t.Errorf("%v: %v", tc.sources, err)
			continue
		}
		var fids []string
		for _, f := range failed {
			fids = append(fids, f.ID)
		}
		if !reflect.DeepEqual(ids(pairs), tc.ids) || !reflect.DeepEqual(fids, tc.failed) {
			t.Errorf("%v: pairs %v failed %v, want %v and %v", tc.sources, ids(pairs), fids, tc.ids, tc.failed)
		}
	}
	pairs, _, _ := Collect([]string{dir + "/m/list.tsv"})
	if pairs[0].ZH != filepath.Join(dir, "news/zh/a.txt") {
		t.Errorf("manifest path not relative to the manifest: %s", pairs[0].ZH)
	}
	for _, bad := range [][]string{{dir + "/bad.tsv"}, {dir + "/nope"}, {dir + "/news", dir + "/news"}, {dir + "/side/y.en.txt"}} {
		if _, _, err := Collect(bad); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
	_, _, err := Collect([]string{dir + "/bad.tsv"})
	var pe *corpus.ParseError
	if !errors.As(err, &pe) || pe.Line != 1 {
		t.Errorf("bad manifest: %v, want a ParseError on line 1", err)
	}
}

func TestLoadJSONL(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rec := `{"id":"r1","date":"2016-04-01","zh":"# 總裁報告\n\n第一段。第二句。\n\n第二段。","en":"# Chief Executive's Statement\n\nParagraph one. Second sentence.\n\nParagraph two."}`
	write(t, dir+"/c.jsonl", rec+"\n"+`{"zh":"只有一段。","en":"One paragraph only."}`+"\n"+`{"zh":"缺英文"}`+"\n")
	pairs, _, err := Collect([]string{dir + "/c.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(pairs[0], corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "r1" || d.Date != "2016-04-01" || !d.Anchored {
		t.Errorf("record 1: id %q date %q anchored %v", d.ID, d.Date, d.Anchored)
	}
	if got := d.ZH.Sentences[0].Text; got != "總裁報告" {
		t.Errorf("heading read as %q (Markdown not detected)", got)
	}
	beads, err := d.Align(&align.Aligner{})
	if err != nil {
		t.Fatal(err)
	}
	// Anchored: no bead crosses a paragraph boundary.
	for _, b := range beads {
		for _, z := range b.ZH {
			for _, e := range b.EN {
				if d.ZH.Sentences[z].Para != d.EN.Sentences[e].Para {
					t.Errorf("bead %v crosses paragraphs", align.FormatBead(b))
				}
			}
		}
	}
	if d, err := Load(pairs[1], corpus.ReadOptions{}); err != nil || d.Anchored {
		t.Errorf("record 2: %v, anchored %v (one paragraph: nothing to anchor)", err, d != nil && d.Anchored)
	}
	_, err = Load(pairs[2], corpus.ReadOptions{})
	var pe *corpus.ParseError
	if !errors.As(err, &pe) || pe.Line != 3 {
		t.Errorf("record 3: %v, want a ParseError on line 3", err)
	}
}

func TestOrdered(t *testing.T) {
	t.Parallel()
	for _, workers := range []int{1, 3, 8} {
		var got []int
		err := ordered(context.Background(), 50, workers,
			func(i int) int {
				time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
				return i * i
			},
			func(i, v int) error {
				if v != i*i {
					t.Errorf("result %d for %d", v, i)
				}
				got = append(got, i)
				return nil
			})
		if err != nil || len(got) != 50 {
			t.Fatalf("workers %d: %v, %d results", workers, err, len(got))
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("workers %d: out of order: %v", workers, got)
			}
		}
	}
	stop := errors.New("stop")
	n := 0
	err := ordered(context.Background(), 100, 4, func(i int) int { return i }, func(i, v int) error {
		n++
		if i == 10 {
			return stop
		}
		return nil
	})
	if err != stop || n != 11 {
		t.Errorf("emit error: %v after %d, want stop after 11", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = ordered(ctx, 100, 4, func(i int) int { return i }, func(i, v int) error {
		n++
		if i == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 6 {
		t.Errorf("cancel: %v after %d, want Canceled after 6", err, n)
	}
}

// runAll aligns a batch and returns every bead formatted, per document.
func runAll(t testing.TB, pairs []Pair, workers int) ([]string, Stats) {
	t.Helper()
	b := New(pairs, Options{Workers: workers})
	var out []string
	err := b.Align(context.Background(), func(r *Result) error {
		var sb strings.Builder
		sb.WriteString(r.ID)
		for _, bead := range r.Beads {
			fmt.Fprintf(&sb, " %s/%.6f", align.FormatBead(bead), bead.Confidence)
		}
		out = append(out, sb.String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, b.Stats()
}

func TestBatchDeterministicAndFailures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := batchtest.WriteCorpus(dir, 12, 7); err != nil {
		t.Fatal(err)
	}
	write(t, dir+"/zh/00005.txt", "\x00\x01\x02binary\x00\x00\x00\x00") // unreadable
	// the sides of 00007 swapped
	zh7, err := os.ReadFile(dir + "/zh/00007.txt")
	if err != nil {
		t.Fatal(err)
	}
	en7, err := os.ReadFile(dir + "/en/00007.txt")
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir+"/zh/00007.txt", string(en7))
	write(t, dir+"/en/00007.txt", string(zh7))
	pairs, _, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	one, s1 := runAll(t, pairs, 1)
	four, s4 := runAll(t, pairs, 4)
	if !reflect.DeepEqual(one, four) {
		t.Errorf("1 and 4 workers differ:\n%v\n%v", one, four)
	}
	s1.LearnTime, s1.AlignTime, s4.LearnTime, s4.AlignTime = 0, 0, 0, 0
	if !reflect.DeepEqual(s1, s4) {
		t.Errorf("stats differ:\n%+v\n%+v", s1, s4)
	}
	if s1.Documents != 10 || len(s1.Failed) != 2 || s1.Failed[0].ID != "00005.txt" || s1.Failed[1].ID != "00007.txt" ||
		!strings.Contains(s1.Failed[1].Reason, "given as the Chinese text, but it is English") {
		t.Errorf("documents %d, failed %+v; want 10, 00005.txt and 00007.txt (swapped)", s1.Documents, s1.Failed)
	}
	if s1.BeadTypes["1-1"] < s1.Beads/2 || s1.ModelWords == 0 {
		t.Errorf("implausible stats %+v", s1)
	}
	t.Logf("%d beads, types %v, low %d, unaligned %d, model %d words", s1.Beads, s1.BeadTypes, s1.LowConfidence, s1.Unaligned, s1.ModelWords)
}

func TestHKMAAnchored(t *testing.T) {
	t.Parallel()
	path := "../../../shared/eval/terms-dev/hkma-2016.jsonl"
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared/eval/terms-dev is absent")
	}
	pairs, _, err := Collect([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 10 {
		t.Fatalf("%d records, want 10", len(pairs))
	}
	for _, p := range pairs {
		d, err := Load(p, corpus.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !d.Anchored {
			t.Errorf("%s: not anchored (%d zh, %d en paragraphs)", p.Name(), paragraphs(d.ZH.Sentences), paragraphs(d.EN.Sentences))
		}
	}
}

// heapPeak samples the live heap while a batch runs.
type heapPeak struct {
	sample []metrics.Sample
	peak   uint64
}

func newHeapPeak() *heapPeak {
	runtime.GC()
	return &heapPeak{sample: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
}

// measure records the live heap; with gc, after a collection (exact, slow).
func (h *heapPeak) measure(gc bool) {
	if gc {
		runtime.GC()
	}
	metrics.Read(h.sample)
	if v := h.sample[0].Value.Uint64(); v > h.peak {
		h.peak = v
	}
}

// measureBatch aligns the first n pairs and returns the peak live heap.
func measureBatch(t testing.TB, pairs []Pair, workers int) (uint64, Stats) {
	h := newHeapPeak()
	done := 0
	b := New(pairs, Options{Workers: workers, Progress: func(Progress) {
		if done++; done%50 == 0 {
			h.measure(true)
		}
	}})
	if err := b.Align(context.Background(), func(*Result) error { return nil }); err != nil {
		t.Fatal(err)
	}
	h.measure(true)
	return h.peak, b.Stats()
}

// TestMemoryBounded: the peak heap of a batch of 600 articles is close
// to that of 100 articles (the documents are not kept).
func TestMemoryBounded(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("aligns 700 generated articles (skipped with -short and -race)")
	}
	dir := t.TempDir()
	if err := batchtest.WriteCorpus(dir, 600, 3); err != nil {
		t.Fatal(err)
	}
	pairs, _, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	small, _ := measureBatch(t, pairs[:100], 2)
	big, stats := measureBatch(t, pairs, 2)
	t.Logf("peak live heap: %.1f MiB for 100 articles, %.1f MiB for 600 (%d sentences)", float64(small)/(1<<20), float64(big)/(1<<20), stats.ZHSentences+stats.ENSentences)
	// The corpus model's training table grows with the corpus (word ids of
	// confident beads, a few KiB per article); the documents must not.
	if perDoc := (float64(big) - float64(small)) / 500; perDoc > 8<<10 {
		t.Errorf("heap grows by %.1f KiB per article", perDoc/1024)
	}
}

// BenchmarkBatch aligns 2,000 generated article pairs with 1 and 2
// workers and reports documents per second and the peak live heap.
func BenchmarkBatch(b *testing.B) {
	if testing.Short() || raceEnabled {
		b.Skip("2,000 articles")
	}
	dir := b.TempDir()
	if err := batchtest.WriteCorpus(dir, 2000, 1); err != nil {
		b.Fatal(err)
	}
	pairs, _, err := Collect([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, p := range pairs {
		for _, f := range []string{p.ZH, p.EN} {
			if fi, err := os.Stat(f); err == nil {
				size += fi.Size()
			}
		}
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(size)
			var peak uint64
			for b.Loop() {
				p, _ := measureBatch(b, pairs, workers)
				peak = max(peak, p)
			}
			b.ReportMetric(float64(len(pairs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
		})
	}
}

// TestBadSources: a missing source and a record of the wrong JSON type are
// errors naming the file (and line) in the user's terms.
func TestBadSources(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, _, err := Collect([]string{dir + "/missing"})
	var pe *corpus.ParseError
	if !errors.As(err, &pe) || pe.File != dir+"/missing" || !errors.Is(err, fs.ErrNotExist) || strings.Contains(err.Error(), "stat ") {
		t.Errorf("missing source: %v", err)
	}
	write(t, dir+"/c.jsonl", `{"zh":5,"en":"b"}`+"\n")
	pairs, _, err := Collect([]string{dir + "/c.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(pairs[0], corpus.ReadOptions{})
	if want := `c.jsonl:1: syntax error: field "zh": want a string, got number`; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("record of the wrong type: %v, want …%s", err, want)
	}
}

// TestManifestMissingFile: a manifest line naming a file that is not there
// is a failure of that line; the other pairs are kept.
func TestManifestMissingFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir+"/a.zh", "一。\n")
	write(t, dir+"/a.en", "One.\n")
	write(t, dir+"/m.tsv", "a\ta.zh\ta.en\nb\tnope.zh\ta.en\n")
	pairs, failed, err := Collect([]string{dir + "/m.tsv"})
	if err != nil {
		t.Fatal(err)
	}
	want := Failure{ID: "b", File: dir + "/m.tsv:2", Reason: filepath.Join(dir, "nope.zh") + ": no such file or directory"}
	if len(pairs) != 1 || pairs[0].ID != "a" || len(failed) != 1 || failed[0] != want {
		t.Errorf("pairs %v, failed %+v; want a, and %+v", pairs, failed, want)
	}
}

// TestDuplicateJSONLIDs: of two JSON Lines records with one id, the first
// is aligned and the second reported, so no two units share an id.
func TestDuplicateJSONLIDs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rec := `{"id":"ok","zh":"只有一段。","en":"One paragraph only."}`
	write(t, dir+"/c.jsonl", rec+"\n"+`{"id":"other","zh":"另一段。","en":"Another one."}`+"\n"+rec+"\n")
	pairs, _, err := Collect([]string{dir + "/c.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	out, st := runAll(t, pairs, 2)
	if len(out) != 2 || len(st.Failed) != 1 || !strings.Contains(st.Failed[0].Reason, `document id "ok" given twice`) {
		t.Errorf("aligned %q, failed %+v; want ok and other aligned, the second ok reported", out, st.Failed)
	}
}
